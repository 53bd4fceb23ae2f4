package org.jds.flatfs.storage;

import java.io.Closeable;

/** A lazy stream of child names, as returned by {@link Storage#list}. One thread at a time. */
public interface DirectoryListing extends Closeable {
  /**
   * The next child name, or null when done.
   *
   * @throws StorageClosedException if this listing or its storage is closed
   * @throws StorageException if the directory cannot be read further (the listing stays open)
   */
  String next() throws StorageException;

  /**
   * Releases the listing; closing twice, or after the storage's close, is harmless.
   *
   * @throws StorageException if the backend fails to release it (it counts as closed all the same)
   */
  @Override
  void close() throws StorageException;
}
