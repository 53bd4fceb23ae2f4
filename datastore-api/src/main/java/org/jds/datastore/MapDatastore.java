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

  /** {@link #live}, or the shared not-found. */
  private Item liveOrThrow(Key key) throws NotFoundException {
    Item it = live(key);
    if (it == null) {
      throw NotFoundException.INSTANCE;
    }
    return it;
  }

  private interface Locked<T> {
    T run() throws DatastoreException;
  }

  /** Runs {@code work} under the read lock on an open store. */
  private <T> T reading(Locked<T> work) throws DatastoreException {
    lock.readLock().lock();
    try {
      closed.check();
      return work.run();
    } finally {
      lock.readLock().unlock();
    }
  }

  /** Runs {@code work} under the write lock on an open store. */
  private void writing(Locked<?> work) throws DatastoreException {
    lock.writeLock().lock();
    try {
      closed.check();
      work.run();
    } finally {
      lock.writeLock().unlock();
    }
  }

  @Override
  public byte[] get(Key key) throws DatastoreException {
    return reading(() -> liveOrThrow(key).value.clone());
  }

  @Override
  public boolean has(Key key) throws DatastoreException {
    return reading(() -> live(key) != null);
  }

  @Override
  public int getSize(Key key) throws DatastoreException {
    return reading(() -> liveOrThrow(key).value.length);
  }

  @Override
  public Results query(Query q) throws DatastoreException {
    String prefix = NaiveQuery.effectivePrefix(q.prefix());
    List<Entry> snapshot = reading(() -> {
      List<Entry> out = new ArrayList<>();
      for (Map.Entry<Key, Item> e : map.entrySet()) {
        String k = e.getKey().toString();
        Item it = live(e.getKey());
        if (it == null || (prefix != null && !k.startsWith(prefix))) {
          continue;
        }
        out.add(
            new Entry(
                k,
                q.keysOnly() ? null : it.value.clone(),
                it.value.length,
                q.returnExpirations() ? it.expiration : null));
      }
      return out;
    });
    return NaiveQuery.apply(q, Results.fromEntries(q, snapshot));
  }

  @Override
  public void put(Key key, byte[] value) throws DatastoreException {
    write(key, value, null);
  }

  private void write(Key key, byte[] value, Instant expiration) throws DatastoreException {
    byte[] copy = value == null ? new byte[0] : value.clone(); // Go: nil == empty
    writing(() -> map.put(key, new Item(copy, expiration)));
  }

  @Override
  public void delete(Key key) throws DatastoreException {
    writing(() -> map.remove(key));
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
    writing(() -> map.put(key, new Item(liveOrThrow(key).value, clock.instant().plus(ttl))));
  }

  @Override
  public Instant getExpiration(Key key) throws DatastoreException {
    return reading(() -> liveOrThrow(key).expiration);
  }

  @Override
  public Txn newTransaction(boolean readOnly) throws DatastoreException {
    closed.check();
    return new MapTxn(this, readOnly);
  }

  /** Applies a transaction's writes atomically (all under one write lock). */
  void commitTxn(Map<Key, byte[]> writes, byte[] deleteMarker) throws DatastoreException {
    writing(() -> {
      for (Map.Entry<Key, byte[]> w : writes.entrySet()) {
        if (w.getValue() == deleteMarker) {
          map.remove(w.getKey());
        } else {
          map.put(w.getKey(), new Item(w.getValue(), null));
        }
      }
      return null;
    });
  }
}
