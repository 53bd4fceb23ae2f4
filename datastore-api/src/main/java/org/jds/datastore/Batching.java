package org.jds.datastore;

/** A datastore that can group writes. */
public interface Batching extends Datastore {
  Batch batch() throws DatastoreException;
}
