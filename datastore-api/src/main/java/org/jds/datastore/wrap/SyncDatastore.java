package org.jds.datastore.wrap;

import java.util.List;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.jds.datastore.Batch;
import org.jds.datastore.BatchReader;
import org.jds.datastore.BatchViews;
import org.jds.datastore.BatchUnsupportedException;
import org.jds.datastore.Batching;
import org.jds.datastore.CheckedDatastore;
import org.jds.datastore.CloseState;
import org.jds.datastore.Datastore;
import org.jds.datastore.DatastoreException;
import org.jds.datastore.DiscardableBatch;
import org.jds.datastore.GCDatastore;
import org.jds.datastore.Key;
import org.jds.datastore.PersistentDatastore;
import org.jds.datastore.Read;
import org.jds.datastore.ScrubbedDatastore;
import org.jds.datastore.Shim;
import org.jds.datastore.query.Query;
import org.jds.datastore.query.Results;

/**
 * Go's {@code sync.MutexWrap}: makes any child thread-safe with a read-write lock. Reads (get, has,
 * getSize, query, diskUsage) take the read lock; writes, sync, batch operations, close, check, scrub
 * and GC take the write lock. A query is drained completely under the lock, so the returned results
 * hold no lock. Thread-safe whatever the child. A {@link Shim}, as Go's {@code MutexDatastore}. The
 * batch is a {@link BatchReader} and a {@link DiscardableBatch} when the child's is; its reads take
 * the read lock, discard the write lock.
 */
public final class SyncDatastore
    implements Batching, Shim, PersistentDatastore, CheckedDatastore, ScrubbedDatastore, GCDatastore {
  private final Datastore child;
  private final ReadWriteLock rw = new ReentrantReadWriteLock();
  private final CloseState closed = new CloseState();
  private final Read reads;

  public SyncDatastore(Datastore child) {
    this.child = child;
    this.reads = lockedReads(child);
  }

  public Datastore child() {
    return child;
  }

  /** Go's {@code Children}: the one child. */
  @Override
  public List<Datastore> children() {
    return List.of(child);
  }

  @FunctionalInterface
  private interface Call<T> {
    T run() throws DatastoreException;
  }

  private <T> T locked(Lock l, Call<T> c) throws DatastoreException {
    l.lock();
    try {
      closed.check();
      return c.run();
    } finally {
      l.unlock();
    }
  }

  private <T> T read(Call<T> c) throws DatastoreException {
    return locked(rw.readLock(), c);
  }

  private <T> T write(Call<T> c) throws DatastoreException {
    return locked(rw.writeLock(), c);
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
  public Results query(Query q) throws DatastoreException {
    return reads.query(q);
  }

  @Override
  public void put(Key key, byte[] value) throws DatastoreException {
    write(() -> {
      child.put(key, value);
      return null;
    });
  }

  @Override
  public void delete(Key key) throws DatastoreException {
    write(() -> {
      child.delete(key);
      return null;
    });
  }

  @Override
  public void sync(Key prefix) throws DatastoreException {
    write(() -> {
      child.sync(prefix);
      return null;
    });
  }

  @Override
  public void close() throws DatastoreException {
    rw.writeLock().lock();
    try {
      if (closed.close()) {
        child.close();
      }
    } finally {
      rw.writeLock().unlock();
    }
  }

  @Override
  public Batch batch() throws DatastoreException {
    Batch cb =
        write(() -> {
          if (!(child instanceof Batching b)) {
            throw BatchUnsupportedException.INSTANCE;
          }
          return b.batch();
        });
    Batch writes = new Batch() {
      @Override
      public void put(Key key, byte[] value) throws DatastoreException {
        write(() -> {
          cb.put(key, value);
          return null;
        });
      }

      @Override
      public void delete(Key key) throws DatastoreException {
        write(() -> {
          cb.delete(key);
          return null;
        });
      }

      @Override
      public void commit() throws DatastoreException {
        write(() -> {
          cb.commit();
          return null;
        });
      }
    };
    return BatchViews.of(
        writes,
        cb instanceof BatchReader r ? lockedReads(r) : null,
        cb instanceof DiscardableBatch d
            ? () -> write(() -> {
              d.discard();
              return null;
            })
            : null);
  }

  /** Reads of {@code source} under the read lock; queries drained under it, as {@link #query}. */
  private Read lockedReads(Read source) {
    return new Read() {
      @Override
      public byte[] get(Key key) throws DatastoreException {
        return read(() -> source.get(key));
      }

      @Override
      public boolean has(Key key) throws DatastoreException {
        return read(() -> source.has(key));
      }

      @Override
      public int getSize(Key key) throws DatastoreException {
        return read(() -> source.getSize(key));
      }

      @Override
      public Results query(Query q) throws DatastoreException {
        return Results.fromEntries(q, read(() -> source.query(q).rest()));
      }
    };
  }

  @Override
  public long diskUsage() throws DatastoreException {
    return read(() -> PersistentDatastore.diskUsage(child));
  }

  @Override
  public void check() throws DatastoreException {
    write(() -> {
      if (child instanceof CheckedDatastore c) {
        c.check();
      }
      return null;
    });
  }

  @Override
  public void scrub() throws DatastoreException {
    write(() -> {
      if (child instanceof ScrubbedDatastore s) {
        s.scrub();
      }
      return null;
    });
  }

  @Override
  public void collectGarbage() throws DatastoreException {
    write(() -> {
      if (child instanceof GCDatastore g) {
        g.collectGarbage();
      }
      return null;
    });
  }
}
