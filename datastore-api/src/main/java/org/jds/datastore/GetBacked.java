package org.jds.datastore;

/**
 * Go's {@code GetBackedHas} and {@code GetBackedSize}: default {@code has} and {@code getSize} for a
 * store that only has {@code get}, e.g. {@code public boolean has(Key k) throws DatastoreException
 * { return GetBacked.has(this, k); }}. Stateless and thread-safe.
 */
public final class GetBacked {
  private GetBacked() {}

  /**
   * Whether {@code get} finds {@code key}: false on a not-found (also a wrapped one, {@link
   * Errors#isNotFound}), any other error is thrown.
   */
  public static boolean has(Read ds, Key key) throws DatastoreException {
    try {
      ds.get(key);
      return true;
    } catch (DatastoreException e) {
      if (Errors.isNotFound(e)) {
        return false;
      }
      throw e;
    }
  }

  /**
   * The length of the value {@code get} returns.
   *
   * @throws NotFoundException (or what {@code get} throws) when absent; Go returns -1 with it
   */
  public static int size(Read ds, Key key) throws DatastoreException {
    return ds.get(key).length;
  }
}
