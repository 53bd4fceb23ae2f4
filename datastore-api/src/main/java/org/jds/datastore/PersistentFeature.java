package org.jds.datastore;

/** Go's {@code PersistentFeature}; {@link PersistentDatastore} is the datastore with it. */
public interface PersistentFeature {
  /** Bytes used on disk (Go's {@code DiskUsage}). */
  long diskUsage() throws DatastoreException;
}
