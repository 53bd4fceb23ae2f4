package org.jds.datastore;

/** The write half of a datastore (go-datastore's {@code Write}). */
public interface Write {
  /** Stores {@code value} under {@code key}, replacing any previous value. */
  void put(Key key, byte[] value) throws DatastoreException;

  /** Removes {@code key}. Deleting an absent key succeeds. */
  void delete(Key key) throws DatastoreException;
}
