package org.jds.datastore.wrap;

import java.util.function.UnaryOperator;
import org.jds.datastore.DatastoreException;
import org.jds.datastore.Key;

/** Maps keys on the way into a child store and back out (Go's {@code keytransform.KeyTransform}). */
public interface KeyTransform {
  /** The child's key for {@code k}. */
  Key convertKey(Key k);

  /**
   * The outer key for the child's key {@code k}. Go panics when {@code k} cannot be inverted; here
   * it is a checked error (query results carry it as an error result).
   */
  Key invertKey(Key k) throws DatastoreException;

  /** Go's {@code keytransform.Pair}: a transform from two functions. */
  static KeyTransform pair(UnaryOperator<Key> convert, UnaryOperator<Key> invert) {
    return new KeyTransform() {
      @Override
      public Key convertKey(Key k) {
        return convert.apply(k);
      }

      @Override
      public Key invertKey(Key k) {
        return invert.apply(k);
      }
    };
  }
}
