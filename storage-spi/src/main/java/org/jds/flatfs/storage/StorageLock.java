package org.jds.flatfs.storage;

/** An exclusive lock taken by {@link Storage#lock}; closing it releases the lock. Idempotent. */
public interface StorageLock extends AutoCloseable {
  @Override
  void close() throws StorageException;
}
