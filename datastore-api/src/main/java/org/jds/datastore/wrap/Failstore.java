package org.jds.datastore.wrap;

import org.jds.datastore.Batch;
import org.jds.datastore.BatchReader;
import org.jds.datastore.BatchViews;
import org.jds.datastore.Batching;
import org.jds.datastore.CloseState;
import org.jds.datastore.Datastore;
import org.jds.datastore.DatastoreException;
import org.jds.datastore.DiscardableBatch;
import org.jds.datastore.Key;
import org.jds.datastore.PersistentDatastore;
import org.jds.datastore.Read;
import org.jds.datastore.UnsupportedFeatureException;
import org.jds.datastore.query.Query;
import org.jds.datastore.query.Results;

/**
 * Go's {@code failstore}: fault injection for tests. Before delegating each operation it calls the
 * {@link ErrFunc} with the operation's name ({@code put}, {@code sync}, {@code get}, {@code has},
 * {@code getsize}, {@code delete}, {@code query}, {@code disk-usage}, {@code batch}, {@code
 * batch-put}, {@code batch-delete}, {@code batch-commit}, and, when the child's batch has them,
 * {@code batch-get}, {@code batch-has}, {@code batch-getsize}, {@code batch-query}, {@code
 * batch-discard}); if it throws, the operation fails with
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
  private final Read reads;

  public Failstore(Datastore child, ErrFunc errFunc) {
    this.child = child;
    this.errFunc = errFunc;
    this.reads = failingReads(child, "");
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
    return reads.get(key);
  }

  @Override
  public boolean has(Key key) throws DatastoreException {
    return reads.has(key);
  }

  @Override
  public int getSize(Key key) throws DatastoreException {
    return reads.getSize(key);
  }

  @Override
  public void delete(Key key) throws DatastoreException {
    before("delete");
    child.delete(key);
  }

  @Override
  public Results query(Query q) throws DatastoreException {
    return reads.query(q);
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
      throw new UnsupportedFeatureException(UnsupportedFeatureException.BATCH_UNSUPPORTED);
    }
    Batch cb = b.batch();
    Batch writes = new Batch() {
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
    return BatchViews.of(
        writes,
        cb instanceof BatchReader r ? failingReads(r, "batch-") : null,
        cb instanceof DiscardableBatch d
            ? () -> {
              before("batch-discard");
              d.discard();
            }
            : null);
  }

  /** Reads of {@code source}, each checked first under the op name {@code opPrefix + "get"} etc. */
  private Read failingReads(Read source, String opPrefix) {
    return new Read() {
      @Override
      public byte[] get(Key key) throws DatastoreException {
        before(opPrefix + "get");
        return source.get(key);
      }

      @Override
      public boolean has(Key key) throws DatastoreException {
        before(opPrefix + "has");
        return source.has(key);
      }

      @Override
      public int getSize(Key key) throws DatastoreException {
        before(opPrefix + "getsize");
        return source.getSize(key);
      }

      @Override
      public Results query(Query q) throws DatastoreException {
        before(opPrefix + "query");
        return source.query(q);
      }
    };
  }
}
