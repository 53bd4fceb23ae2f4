package org.jds.datastore;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.jds.datastore.query.Entry;
import org.jds.datastore.query.NaiveQuery;
import org.jds.datastore.query.Query;
import org.jds.datastore.query.Results;

/**
 * In-memory datastore (Go's {@code MapDatastore}), with TTLs and simple transactions.
 *
 * <p>Thread-safe, unlike Go's: a read-write lock guards the map; queries work on a snapshot taken
 * under the read lock. Values are copied in and out, so callers cannot alter stored bytes. Query
 * entries carry {@code size = value.length} even for keys-only queries (as in Go). Batches are
 * {@link BasicBatch}es. After {@link #close()} every operation throws {@link ClosedException}.
 */
public final class MapDatastore implements Batching, TTLDatastore, TxnDatastore {
  private record Item(byte[] value, Instant expiration) {}

  private final ReadWriteLock lock = new ReentrantReadWriteLock();
  private final Map<Key, Item> map = new HashMap<>();
  private final CloseState closed = new CloseState();
  private final Clock clock;

  public MapDatastore() {
    this(Clock.systemUTC());
  }

  /** A store whose TTLs follow {@code clock} (tests pass a fixed or mutable clock). */
  public MapDatastore(Clock clock) {
    this.clock = clock;
  }

  /** The live item, or null if absent or expired. Caller holds a lock. */
  private Item live(Key key) {
    Item it = map.get(key);
    if (it == null || (it.expiration != null && !clock.instant().isBefore(it.expiration))) {
      return null;
    }
    return it;
  }

  @Override
  public byte[] get(Key key) throws DatastoreException {
    lock.readLock().lock();
    try {
      closed.check();
      Item it = live(key);
      if (it == null) {
        throw NotFoundException.INSTANCE;
      }
      return it.value.clone();
    } finally {
      lock.readLock().unlock();
    }
  }

  @Override
  public boolean has(Key key) throws DatastoreException {
    lock.readLock().lock();
    try {
      closed.check();
      return live(key) != null;
    } finally {
      lock.readLock().unlock();
    }
  }

  @Override
  public int getSize(Key key) throws DatastoreException {
    lock.readLock().lock();
    try {
      closed.check();
      Item it = live(key);
      if (it == null) {
        throw NotFoundException.INSTANCE;
      }
      return it.value.length;
    } finally {
      lock.readLock().unlock();
    }
  }

  @Override
  public Results query(Query q) throws DatastoreException {
    List<Entry> snapshot = new ArrayList<>();
    String prefix = NaiveQuery.effectivePrefix(q.prefix());
    lock.readLock().lock();
    try {
      closed.check();
      for (Map.Entry<Key, Item> e : map.entrySet()) {
        String k = e.getKey().toString();
        Item it = live(e.getKey());
        if (it == null || (prefix != null && !k.startsWith(prefix))) {
          continue;
        }
        snapshot.add(
            new Entry(
                k,
                q.keysOnly() ? null : it.value.clone(),
                it.value.length,
                q.returnExpirations() ? it.expiration : null));
      }
    } finally {
      lock.readLock().unlock();
    }
    return NaiveQuery.apply(q, Results.fromEntries(q, snapshot));
  }

  @Override
  public void put(Key key, byte[] value) throws DatastoreException {
    write(key, value, null);
  }

  private void write(Key key, byte[] value, Instant expiration) throws DatastoreException {
    byte[] copy = value == null ? new byte[0] : value.clone(); // Go: nil == empty
    lock.writeLock().lock();
    try {
      closed.check();
      map.put(key, new Item(copy, expiration));
    } finally {
      lock.writeLock().unlock();
    }
  }

  @Override
  public void delete(Key key) throws DatastoreException {
    lock.writeLock().lock();
    try {
      closed.check();
      map.remove(key);
    } finally {
      lock.writeLock().unlock();
    }
  }

  @Override
  public void sync(Key prefix) throws DatastoreException {
    closed.check(); // nothing to make durable
  }

  @Override
  public void close() {
    lock.writeLock().lock();
    try {
      if (closed.close()) {
        map.clear();
      }
    } finally {
      lock.writeLock().unlock();
    }
  }

  @Override
  public Batch batch() throws DatastoreException {
    closed.check();
    return new BasicBatch(this);
  }

  @Override
  public void putWithTTL(Key key, byte[] value, Duration ttl) throws DatastoreException {
    write(key, value, clock.instant().plus(ttl));
  }

  @Override
  public void setTTL(Key key, Duration ttl) throws DatastoreException {
    lock.writeLock().lock();
    try {
      closed.check();
      Item it = live(key);
      if (it == null) {
        throw NotFoundException.INSTANCE;
      }
      map.put(key, new Item(it.value, clock.instant().plus(ttl)));
    } finally {
      lock.writeLock().unlock();
    }
  }

  @Override
  public Instant getExpiration(Key key) throws DatastoreException {
    lock.readLock().lock();
    try {
      closed.check();
      Item it = live(key);
      if (it == null) {
        throw NotFoundException.INSTANCE;
      }
      return it.expiration;
    } finally {
      lock.readLock().unlock();
    }
  }

  @Override
  public Txn newTransaction(boolean readOnly) throws DatastoreException {
    closed.check();
    return new MapTxn(this, readOnly);
  }

  /** Applies a transaction's writes atomically (all under one write lock). */
  void commitTxn(Map<Key, byte[]> writes, byte[] deleteMarker) throws DatastoreException {
    lock.writeLock().lock();
    try {
      closed.check();
      for (Map.Entry<Key, byte[]> w : writes.entrySet()) {
        if (w.getValue() == deleteMarker) {
          map.remove(w.getKey());
        } else {
          map.put(w.getKey(), new Item(w.getValue(), null));
        }
      }
    } finally {
      lock.writeLock().unlock();
    }
  }
}
