package org.jds.datastore;

/** Go's {@code ScrubbedFeature}; {@link ScrubbedDatastore} is the datastore with it. */
public interface ScrubbedFeature {
  /** Verifies and repairs the store's data. */
  void scrub() throws DatastoreException;
}
