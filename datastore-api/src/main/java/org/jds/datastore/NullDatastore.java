package org.jds.datastore;

import java.util.List;
import org.jds.datastore.query.Query;
import org.jds.datastore.query.Results;

/**
 * Stores nothing (Go's {@code NullDatastore}): writes are dropped, Get/GetSize throw
 * {@link NotFoundException}, Has is false, queries are empty, disk usage is 0. Implements every
 * feature except TTL. Thread-safe (stateless apart from the closed flag).
 */
public final class NullDatastore
    implements Batching,
        CheckedDatastore,
        ScrubbedDatastore,
        GCDatastore,
        PersistentDatastore,
        TxnDatastore {
  private final CloseState closed = new CloseState();

  @Override
  public byte[] get(Key key) throws DatastoreException {
    closed.check();
    throw NotFoundException.INSTANCE;
  }

  @Override
  public boolean has(Key key) throws DatastoreException {
    closed.check();
    return false;
  }

  @Override
  public int getSize(Key key) throws DatastoreException {
    closed.check();
    throw NotFoundException.INSTANCE;
  }

  @Override
  public Results query(Query q) throws DatastoreException {
    closed.check();
    return Results.fromEntries(q, List.of());
  }

  @Override
  public void put(Key key, byte[] value) throws DatastoreException {
    closed.check();
  }

  @Override
  public void delete(Key key) throws DatastoreException {
    closed.check();
  }

  @Override
  public void sync(Key prefix) throws DatastoreException {
    closed.check();
  }

  @Override
  public void close() {
    closed.close();
  }

  @Override
  public Batch batch() throws DatastoreException {
    closed.check();
    return new BasicBatch(this);
  }

  @Override
  public void check() throws DatastoreException {
    closed.check();
  }

  @Override
  public void scrub() throws DatastoreException {
    closed.check();
  }

  @Override
  public void collectGarbage() throws DatastoreException {
    closed.check();
  }

  @Override
  public long diskUsage() throws DatastoreException {
    closed.check();
    return 0;
  }

  @Override
  public Txn newTransaction(boolean readOnly) throws DatastoreException {
    closed.check();
    return new Txn() {
      @Override
      public byte[] get(Key key) throws DatastoreException {
        throw NotFoundException.INSTANCE;
      }

      @Override
      public boolean has(Key key) {
        return false;
      }

      @Override
      public int getSize(Key key) throws DatastoreException {
        throw NotFoundException.INSTANCE;
      }

      @Override
      public Results query(Query q) {
        return Results.fromEntries(q, List.of());
      }

      @Override
      public void put(Key key, byte[] value) {}

      @Override
      public void delete(Key key) {}

      @Override
      public void commit() {}

      @Override
      public void discard() {}
    };
  }
}
