package org.jds.flatfs.storage;

import java.io.Closeable;

/** A file open for appending writes. One thread at a time. */
public interface WritableFile extends Closeable {
  /** The file's storage-relative path. */
  String path();

  /** Appends bytes. Not durable until {@link #sync()}. */
  void write(byte[] data, int offset, int length) throws StorageException;

  /** Appends all of {@code data}. */
  default void write(byte[] data) throws StorageException {
    write(data, 0, data.length);
  }

  /** Makes the content written so far durable (fsync). The file's name needs a directory sync. */
  void sync() throws StorageException;

  /** Closes the handle; may report a deferred write error. Closing twice is harmless. */
  @Override
  void close() throws StorageException;
}
