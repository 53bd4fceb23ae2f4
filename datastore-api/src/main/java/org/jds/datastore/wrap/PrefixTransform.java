package org.jds.datastore.wrap;

import org.jds.datastore.InvalidKeyException;
import org.jds.datastore.Key;

/**
 * Puts every key under {@code prefix} (Go's {@code keytransform.PrefixTransform}). Immutable and
 * thread-safe. Order-preserving, so key orders may be pushed down to the child.
 */
public record PrefixTransform(Key prefix) implements KeyTransform {
  public static final String PREFIX_NOT_FOUND = "expected prefix not found";

  /** {@code prefix.child(k)}; Go quirk: {@code k} unchanged when the prefix is already its ancestor. */
  @Override
  public Key convertKey(Key k) {
    if (prefix.isAncestorOf(k)) {
      return k;
    }
    return prefix.child(k);
  }

  /** Strips the prefix; a key without it is an error (Go panics). */
  @Override
  public Key invertKey(Key k) throws InvalidKeyException {
    if (prefix.equals(Key.ROOT)) {
      return k;
    }
    if (!prefix.isAncestorOf(k)) {
      throw new InvalidKeyException(PREFIX_NOT_FOUND);
    }
    return Key.raw(k.toString().substring(prefix.toString().length()));
  }
}
