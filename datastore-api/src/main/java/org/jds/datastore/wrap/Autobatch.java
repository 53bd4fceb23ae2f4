package org.jds.datastore.wrap;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;
import org.jds.datastore.Batch;
import org.jds.datastore.Batching;
import org.jds.datastore.CloseState;
import org.jds.datastore.DatastoreException;
import org.jds.datastore.Key;
import org.jds.datastore.NotFoundException;
import org.jds.datastore.PersistentDatastore;
import org.jds.datastore.query.Query;
import org.jds.datastore.query.Results;

/**
 * Go's {@code autobatch.Datastore} ({@code NewAutoBatching(child, size)}): puts and deletes are held
 * in memory, the last one per key, and written to the child in one batch once more than {@code size}
 * keys are held, on {@link #flush()}, on {@link #query} (which flushes first) and on {@link #close()}.
 * Get, has and getSize answer from the buffer first, so a caller always reads its own writes.
 *
 * <p>Durability: a buffered write is only in memory until it is flushed. {@link #sync(Key)} flushes
 * the buffered keys at or below the prefix and then syncs the child (Go only flushes them). A failed
 * flush keeps every buffered write, so the next flush tries again; a failed flush during close is
 * thrown, never dropped silently.
 *
 * <p>Maps to Go as follows: Go's buffer is unsynchronised and cleared even when the commit fails;
 * here the buffer is guarded by this object's monitor and cleared only after a successful commit, and
 * values are copied on the way in and out. Like Go's, the wrapper is not {@link Batching} itself and
 * offers only disk usage (the child's) among the optional features.
 *
 * <p>Thread-safe if the child is. A flush holds the monitor while it commits, so writes wait for it.
 */
public final class Autobatch implements PersistentDatastore {
  /** Marks a buffered delete (compared by identity). */
  private static final byte[] DELETED = new byte[0];

  private final Batching child;
  private final int maxBufferEntries;
  private final Map<Key, byte[]> buffer = new HashMap<>();
  private final CloseState closed = new CloseState();

  /** @param size flush once more than this many keys are buffered (0 or less: every write) */
  public Autobatch(Batching child, int size) {
    this.child = Objects.requireNonNull(child, "child");
    this.maxBufferEntries = size;
  }

  public Batching child() {
    return child;
  }

  /** How many keys are buffered now. */
  public synchronized int buffered() {
    return buffer.size();
  }

  @Override
  public void put(Key key, byte[] value) throws DatastoreException {
    buffer(key, value == null ? new byte[0] : value.clone());
  }

  @Override
  public void delete(Key key) throws DatastoreException {
    buffer(key, DELETED);
  }

  private synchronized void buffer(Key key, byte[] op) throws DatastoreException {
    closed.check();
    buffer.put(Objects.requireNonNull(key, "key"), op);
    if (buffer.size() > maxBufferEntries) {
      flushLocked(k -> true);
    }
  }

  /** The buffered op for {@code key}, or null when the child must answer. */
  private synchronized byte[] buffered(Key key) throws DatastoreException {
    closed.check();
    return buffer.get(key);
  }

  @Override
  public byte[] get(Key key) throws DatastoreException {
    byte[] op = buffered(key);
    if (op == null) {
      return child.get(key);
    }
    if (op == DELETED) {
      throw NotFoundException.INSTANCE;
    }
    return op.clone();
  }

  @Override
  public boolean has(Key key) throws DatastoreException {
    byte[] op = buffered(key);
    return op == null ? child.has(key) : op != DELETED;
  }

  @Override
  public int getSize(Key key) throws DatastoreException {
    byte[] op = buffered(key);
    if (op == null) {
      return child.getSize(key);
    }
    if (op == DELETED) {
      throw NotFoundException.INSTANCE;
    }
    return op.length;
  }

  /** Flushes everything, then queries the child. */
  @Override
  public Results query(Query q) throws DatastoreException {
    flush();
    return child.query(q);
  }

  /** Writes every buffered operation to the child in one batch (Go's {@code Flush}). */
  public synchronized void flush() throws DatastoreException {
    closed.check();
    flushLocked(k -> true);
  }

  /** Flushes the buffered keys equal to or below {@code prefix}, then syncs the child. */
  @Override
  public void sync(Key prefix) throws DatastoreException {
    synchronized (this) {
      closed.check();
      flushLocked(k -> k.equals(prefix) || k.isDescendantOf(prefix));
    }
    child.sync(prefix);
  }

  private void flushLocked(Predicate<Key> which) throws DatastoreException {
    List<Key> keys = new ArrayList<>();
    for (Key k : buffer.keySet()) {
      if (which.test(k)) {
        keys.add(k);
      }
    }
    if (keys.isEmpty()) {
      return;
    }
    Batch b = child.batch();
    for (Key k : keys) {
      byte[] op = buffer.get(k);
      if (op == DELETED) {
        b.delete(k);
      } else {
        b.put(k, op);
      }
    }
    b.commit();
    buffer.keySet().removeAll(keys);
  }

  @Override
  public long diskUsage() throws DatastoreException {
    closed.check();
    return PersistentDatastore.diskUsage(child);
  }

  /** Flushes, then closes the child; a flush failure is thrown (the child is closed anyway). */
  @Override
  public void close() throws DatastoreException {
    DatastoreException flushError = null;
    synchronized (this) {
      if (!closed.close()) {
        return;
      }
      try {
        flushLocked(k -> true);
      } catch (DatastoreException e) {
        flushError = e;
      }
    }
    try {
      child.close();
    } catch (DatastoreException e) {
      if (flushError == null) {
        throw e;
      }
      flushError.addSuppressed(e);
    }
    if (flushError != null) {
      throw flushError;
    }
  }
}
