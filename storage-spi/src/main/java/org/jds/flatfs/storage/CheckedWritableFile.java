package org.jds.flatfs.storage;

import java.util.function.BooleanSupplier;

/**
 * The part of a backend's {@link WritableFile} that the SPI's contract fixes, so that every backend
 * behaves alike: a write or sync on a closed handle, or on a handle of a closed storage, is a
 * {@link StorageClosedException}; a bad write slice is "invalid argument" ({@link StorageChecks});
 * {@link #close()} releases the handle once. The backend supplies the I/O. One thread at a time,
 * like {@link WritableFile}.
 */
public abstract class CheckedWritableFile implements WritableFile {
  private final String path;
  private final BooleanSupplier storageClosed;
  private boolean closed;

  /**
   * @param path the handle's path, for {@link #path()} and messages
   * @param storageClosed whether the storage that opened the handle is closed
   */
  protected CheckedWritableFile(String path, BooleanSupplier storageClosed) {
    this.path = path;
    this.storageClosed = storageClosed;
  }

  @Override
  public final String path() {
    return path;
  }

  @Override
  public final void write(byte[] data, int offset, int length) throws StorageException {
    StorageChecks.handleOpen(closed, storageClosed.getAsBoolean(), "write", path);
    StorageChecks.slice("write", path, data, offset, length);
    append(data, offset, length);
  }

  @Override
  public final void sync() throws StorageException {
    StorageChecks.handleOpen(closed, storageClosed.getAsBoolean(), "sync", path);
    force();
  }

  @Override
  public final void close() throws StorageException {
    if (closed) {
      return;
    }
    closed = true;
    release(storageClosed.getAsBoolean());
  }

  /**
   * Appends {@code data[offset, offset + length)}, already checked, at the end of the file.
   *
   * @throws StorageException as {@link WritableFile#write}
   */
  protected abstract void append(byte[] data, int offset, int length) throws StorageException;

  /**
   * Makes what was appended durable.
   *
   * @throws StorageException as {@link WritableFile#sync}
   */
  protected abstract void force() throws StorageException;

  /**
   * Releases the handle, the first time {@link #close()} is called.
   *
   * @param afterStorageClose whether the storage was closed first (its close may have released
   *     what the handle held already)
   * @throws StorageException as {@link WritableFile#close}
   */
  protected abstract void release(boolean afterStorageClose) throws StorageException;
}
