package org.jds.flatfs.storage;

/** An exclusive lock taken by {@link Storage#lock}; closing it releases the lock. Idempotent. */
public interface StorageLock extends AutoCloseable {
  /**
   * Releases the lock, also after the storage's close; closing twice is harmless.
   *
   * @throws StorageException if the backend fails to release it (local disk: closing the lock
   *     file's handle failed; the lock is gone at the latest when the process ends)
   */
  @Override
  void close() throws StorageException;
}
