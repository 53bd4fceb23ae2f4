package org.jds.datastore;

import org.jds.datastore.query.Query;
import org.jds.datastore.query.Results;

/**
 * A datastore that forwards every call to {@link #delegate()}: the base for wrappers that change a
 * few methods and pass the rest through. As thread-safe as the delegate.
 */
public abstract class ForwardingDatastore implements Datastore {
  /** The store every call goes to. */
  protected abstract Datastore delegate();

  @Override
  public byte[] get(Key key) throws DatastoreException {
    return delegate().get(key);
  }

  @Override
  public boolean has(Key key) throws DatastoreException {
    return delegate().has(key);
  }

  @Override
  public int getSize(Key key) throws DatastoreException {
    return delegate().getSize(key);
  }

  @Override
  public Results query(Query q) throws DatastoreException {
    return delegate().query(q);
  }

  @Override
  public void put(Key key, byte[] value) throws DatastoreException {
    delegate().put(key, value);
  }

  @Override
  public void delete(Key key) throws DatastoreException {
    delegate().delete(key);
  }

  @Override
  public void sync(Key prefix) throws DatastoreException {
    delegate().sync(prefix);
  }

  @Override
  public void close() throws DatastoreException {
    delegate().close();
  }
}
