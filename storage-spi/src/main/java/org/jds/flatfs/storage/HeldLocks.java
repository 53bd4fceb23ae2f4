package org.jds.flatfs.storage;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The locks this process holds, by key, so that a second open in the same process is refused
 * before it touches the file system (a POSIX record lock does not exclude its own process, and
 * closing any descriptor of a locked file would drop it). Thread-safe.
 */
public final class HeldLocks {
  /** Takes the lock outside this process (or does nothing, for a storage that is exclusive). */
  @FunctionalInterface
  public interface OsLock {
    /**
     * Takes the lock.
     *
     * @throws StorageException if it cannot be taken ({@link LockedException} if it is held)
     */
    StorageLock acquire() throws StorageException;
  }

  private final Set<Object> held = ConcurrentHashMap.newKeySet();

  /**
   * Takes {@code key} in this process, then {@code os}; the returned lock releases both, once.
   *
   * @throws LockedException if this process already holds {@code key}
   * @throws StorageException whatever {@code os} throws (the key is released again)
   */
  public StorageLock acquire(Object key, String path, OsLock os) throws StorageException {
    if (!held.add(key)) {
      throw new LockedException("lock", path, "in use by another open in this process");
    }
    StorageLock inner;
    try {
      inner = os.acquire();
    } catch (StorageException | RuntimeException e) {
      held.remove(key);
      throw e;
    }
    AtomicBoolean closed = new AtomicBoolean();
    return () -> {
      if (closed.compareAndSet(false, true)) {
        try {
          inner.close();
        } finally {
          held.remove(key);
        }
      }
    };
  }
}
