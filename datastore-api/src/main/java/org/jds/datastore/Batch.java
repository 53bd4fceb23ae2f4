package org.jds.datastore;

/** Writes grouped for one {@link #commit()}. A batch must not be used after commit. */
public interface Batch extends Write {
  void commit() throws DatastoreException;
}
