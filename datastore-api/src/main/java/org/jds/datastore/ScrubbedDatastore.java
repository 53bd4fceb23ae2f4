package org.jds.datastore;

/** A datastore that can scrub (verify and repair) its data. */
public interface ScrubbedDatastore extends Datastore {
  void scrub() throws DatastoreException;
}
