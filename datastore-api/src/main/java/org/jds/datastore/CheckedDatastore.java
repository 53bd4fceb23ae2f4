package org.jds.datastore;

/** A datastore that can check its own integrity. */
public interface CheckedDatastore extends Datastore {
  void check() throws DatastoreException;
}
