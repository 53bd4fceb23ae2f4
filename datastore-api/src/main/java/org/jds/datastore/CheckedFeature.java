package org.jds.datastore;

/** Go's {@code CheckedFeature}; {@link CheckedDatastore} is the datastore with it. */
public interface CheckedFeature {
  /** Checks the store's integrity. */
  void check() throws DatastoreException;
}
