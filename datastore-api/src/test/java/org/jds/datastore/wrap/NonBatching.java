package org.jds.datastore.wrap;

import org.jds.datastore.Datastore;
import org.jds.datastore.DatastoreException;
import org.jds.datastore.Key;
import org.jds.datastore.query.Query;
import org.jds.datastore.query.Results;

/** Hides every optional feature of a store. */
record NonBatching(Datastore d) implements Datastore {
  @Override
  public byte[] get(Key key) throws DatastoreException {
    return d.get(key);
  }

  @Override
  public boolean has(Key key) throws DatastoreException {
    return d.has(key);
  }

  @Override
  public int getSize(Key key) throws DatastoreException {
    return d.getSize(key);
  }

  @Override
  public Results query(Query q) throws DatastoreException {
    return d.query(q);
  }

  @Override
  public void put(Key key, byte[] value) throws DatastoreException {
    d.put(key, value);
  }

  @Override
  public void delete(Key key) throws DatastoreException {
    d.delete(key);
  }

  @Override
  public void sync(Key prefix) throws DatastoreException {
    d.sync(prefix);
  }

  @Override
  public void close() throws DatastoreException {
    d.close();
  }
}
