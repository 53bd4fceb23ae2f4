package org.jds.datastore;

/** Go's {@code GCFeature}; {@link GCDatastore} is the datastore with it. */
public interface GCFeature {
  /** Collects garbage. */
  void collectGarbage() throws DatastoreException;
}
