package org.jds.flatfs.storage;

/**
 * The {@link Storage}, or the {@link WritableFile} or {@link DirectoryListing} used, is closed: Go's
 * {@code os.ErrClosed}. A programming error in the caller, reported as a checked error so that it
 * never escapes as an unchecked one. The same on every backend (see {@link Storage}, "Closing").
 */
public final class StorageClosedException extends StorageException {
  private static final long serialVersionUID = 1L;

  /** {@link Storage#close()} was called. */
  public static final String STORAGE_CLOSED = "storage is closed";

  /** The handle itself was closed (Go's {@code os.ErrClosed} text). */
  public static final String HANDLE_CLOSED = "file already closed";

  public StorageClosedException(String op, String path, String reason) {
    super(op, path, reason, null);
  }
}
