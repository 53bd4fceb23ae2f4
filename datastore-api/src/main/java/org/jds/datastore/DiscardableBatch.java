package org.jds.datastore;

/**
 * A batch that can throw away what it holds (go-ds-flatfs's {@code DiscardableBatch}; go-datastore
 * v0.9.2 has no such interface, flatfs v0.6.1 defines it). After {@link #discard()} nothing the
 * batch held reaches the store, and the batch must not be used again (as after commit). Wrappers'
 * batches implement it when the batch they wrap does ({@link BatchViews}).
 */
public interface DiscardableBatch extends Batch {
  /**
   * Drops every staged write and releases what the batch holds (flatfs: its staging directory).
   *
   * @throws DatastoreException if releasing failed; the writes are dropped anyway
   */
  void discard() throws DatastoreException;
}
