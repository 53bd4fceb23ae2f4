package org.jds.datastore;

/** Go's {@code BatchingFeature}: the batching method alone; {@link Batching} is the datastore with it. */
public interface BatchingFeature {
  /** A new batch of writes, applied by {@link Batch#commit()}. */
  Batch batch() throws DatastoreException;
}
