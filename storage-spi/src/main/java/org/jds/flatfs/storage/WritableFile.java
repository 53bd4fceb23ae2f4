package org.jds.flatfs.storage;

import java.io.Closeable;

/** A file open for appending writes. One thread at a time. */
public interface WritableFile extends Closeable {
  /** The file's storage-relative path; also after close. */
  String path();

  /**
   * Appends {@code length} bytes of {@code data} from {@code offset}. Visible to readers when this
   * returns (see {@link Storage}, "Files being written"); not durable until {@link #sync()}.
   *
   * @throws StorageException {@value StorageChecks#INVALID_ARGUMENT} if {@code data} is null or the
   *     slice is not inside it (nothing is written and the handle stays usable); any I/O failure
   *     (how much of the slice was appended is then unknown)
   * @throws NoSpaceException if the device is full (where detectable)
   * @throws ReadOnlyStorageException if the storage became read-only
   * @throws StorageClosedException if this handle or its storage is closed
   */
  void write(byte[] data, int offset, int length) throws StorageException;

  /**
   * Appends all of {@code data}.
   *
   * @throws StorageException as {@link #write(byte[], int, int)}
   */
  default void write(byte[] data) throws StorageException {
    write(data, 0, data == null ? 0 : data.length); // null: the checked "invalid argument"
  }

  /**
   * Makes the content written so far durable (fsync). The file's name needs a directory sync.
   *
   * @throws NoSpaceException if the device is full (where detectable)
   * @throws StorageClosedException if this handle or its storage is closed
   * @throws StorageException if the flush failed: nothing written since the last successful sync
   *     is known to be durable
   */
  void sync() throws StorageException;

  /**
   * Closes the handle; closing twice, or after the storage's close, is harmless. What was written
   * stays visible; it is durable only if synced.
   *
   * @throws StorageException a deferred write error (the handle counts as closed all the same);
   *     on blobfs also a failure to apply a SHARDING file written through it
   */
  @Override
  void close() throws StorageException;
}
