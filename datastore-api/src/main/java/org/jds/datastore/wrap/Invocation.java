package org.jds.datastore.wrap;

import org.jds.datastore.Key;
import org.jds.datastore.query.Query;

/**
 * One call passing through an {@link InterceptingDatastore}: the operation, its key (key operations
 * and sync's prefix), its query (query) and the value being written (put, batch put); the fields an
 * operation does not have are null. The value is the caller's array: hooks must not modify it.
 */
public record Invocation(DatastoreOp op, Key key, Query query, byte[] value) {
  static Invocation of(DatastoreOp op) {
    return new Invocation(op, null, null, null);
  }

  static Invocation of(DatastoreOp op, Key key) {
    return new Invocation(op, key, null, null);
  }

  /** The value's length in bytes: 0 for none (Go's {@code len(nil)}). */
  public int valueLength() {
    return value == null ? 0 : value.length;
  }

  /** What the call is about, as Go's wrappers print it: the key, the query, or null. */
  public String subject() {
    if (key != null) {
      return key.toString();
    }
    return query == null ? null : query.toString();
  }
}
