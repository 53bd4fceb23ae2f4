package org.jds.datastore;

/** A datastore that can collect garbage. */
public interface GCDatastore extends Datastore {
  void collectGarbage() throws DatastoreException;
}
