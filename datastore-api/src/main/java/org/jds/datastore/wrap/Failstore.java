package org.jds.datastore.wrap;

import org.jds.datastore.Batch;
import org.jds.datastore.BatchUnsupportedException;
import org.jds.datastore.Batching;
import org.jds.datastore.CloseState;
import org.jds.datastore.Datastore;
import org.jds.datastore.DatastoreException;
import org.jds.datastore.Key;
import org.jds.datastore.PersistentDatastore;
import org.jds.datastore.query.Query;
import org.jds.datastore.query.Results;

/**
 * Go's {@code failstore}: fault injection for tests. Before delegating each operation it calls the
 * {@link ErrFunc} with the operation's name ({@code put}, {@code sync}, {@code get}, {@code has},
 * {@code getsize}, {@code delete}, {@code query}, {@code disk-usage}, {@code batch}, {@code
 * batch-put}, {@code batch-delete}, {@code batch-commit}); if it throws, the operation fails with
 * that exception and the child is not touched. Close is never failed. Thread-safe if the child and
 * the function are.
 */
public final class Failstore implements Batching, PersistentDatastore {
  /** Decides whether an operation fails: throw to fail it. */
  @FunctionalInterface
  public interface ErrFunc {
    void check(String op) throws DatastoreException;
  }

  private final Datastore child;
  private final ErrFunc errFunc;
  private final CloseState closed = new CloseState();

  public Failstore(Datastore child, ErrFunc errFunc) {
    this.child = child;
    this.errFunc = errFunc;
  }

  private void before(String op) throws DatastoreException {
    closed.check();
    errFunc.check(op);
  }

  @Override
  public void put(Key key, byte[] value) throws DatastoreException {
    before("put");
    child.put(key, value);
  }

  @Override
  public void sync(Key prefix) throws DatastoreException {
    before("sync");
    child.sync(prefix);
  }

  @Override
  public byte[] get(Key key) throws DatastoreException {
    before("get");
    return child.get(key);
  }

  @Override
  public boolean has(Key key) throws DatastoreException {
    before("has");
    return child.has(key);
  }

  @Override
  public int getSize(Key key) throws DatastoreException {
    before("getsize");
    return child.getSize(key);
  }

  @Override
  public void delete(Key key) throws DatastoreException {
    before("delete");
    child.delete(key);
  }

  @Override
  public Results query(Query q) throws DatastoreException {
    before("query");
    return child.query(q);
  }

  @Override
  public long diskUsage() throws DatastoreException {
    before("disk-usage");
    return PersistentDatastore.diskUsage(child);
  }

  @Override
  public void close() throws DatastoreException {
    if (closed.close()) {
      child.close();
    }
  }

  @Override
  public Batch batch() throws DatastoreException {
    before("batch");
    if (!(child instanceof Batching b)) {
      throw BatchUnsupportedException.INSTANCE;
    }
    Batch cb = b.batch();
    return new Batch() {
      @Override
      public void put(Key key, byte[] value) throws DatastoreException {
        before("batch-put");
        cb.put(key, value);
      }

      @Override
      public void delete(Key key) throws DatastoreException {
        before("batch-delete");
        cb.delete(key);
      }

      @Override
      public void commit() throws DatastoreException {
        before("batch-commit");
        cb.commit();
      }
    };
  }
}
