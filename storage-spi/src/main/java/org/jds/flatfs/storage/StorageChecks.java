package org.jds.flatfs.storage;

/**
 * The argument and state checks every {@link Storage} backend makes at the entry of a call, so that
 * they report the same checked errors for the same misuse. Stateless.
 */
public final class StorageChecks {
  /** The reason of a refused offset, length or buffer slice (Go's {@code EINVAL} text). */
  public static final String INVALID_ARGUMENT = "invalid argument";

  /** The reason of an operation refused because a path names a directory (EISDIR's text). */
  public static final String IS_A_DIRECTORY = "is a directory";

  /** The reason of an operation that needs a directory where a file is (ENOTDIR's text). */
  public static final String NOT_A_DIRECTORY = "not a directory";

  /** The most bytes one read returns: the JVM's largest array. */
  public static final int MAX_READ = Integer.MAX_VALUE - 8;

  /** The reason of a read whose result would not fit in one array. */
  public static final String FILE_TOO_LARGE = "file too large";

  private StorageChecks() {}

  /**
   * Refuses a call on a closed storage.
   *
   * @throws StorageClosedException if {@code closed}
   */
  public static void storageOpen(boolean closed, String op, String path) throws StorageClosedException {
    if (closed) {
      throw new StorageClosedException(op, path, StorageClosedException.STORAGE_CLOSED);
    }
  }

  /**
   * Refuses a call on a handle that is closed, or whose storage is.
   *
   * @throws StorageClosedException if either is closed
   */
  public static void handleOpen(boolean handleClosed, boolean storageClosed, String op, String path)
      throws StorageClosedException {
    if (handleClosed) {
      throw new StorageClosedException(op, path, StorageClosedException.HANDLE_CLOSED);
    }
    storageOpen(storageClosed, op, path);
  }

  /**
   * Checks the range of {@link Storage#read}: {@code offset} and {@code length} not negative, and
   * {@code offset + length} not beyond {@link Long#MAX_VALUE} (Linux's pread says EINVAL there too).
   *
   * @throws StorageException ({@value #INVALID_ARGUMENT}) otherwise
   */
  public static void readRange(String op, String path, long offset, int length) throws StorageException {
    if (offset < 0 || length < 0 || offset > Long.MAX_VALUE - length) {
      throw invalid(op, path, "offset " + offset + ", length " + length);
    }
  }

  /**
   * How many bytes a read of up to {@code length} bytes at {@code offset} returns from a file of
   * {@code size} bytes (0 at or past the end), after {@link #readRange}.
   *
   * @throws StorageException ({@value #FILE_TOO_LARGE}) if more than {@link #MAX_READ}
   */
  public static int readLength(String op, String path, long size, long offset, int length) throws StorageException {
    long n = Math.max(0, Math.min(length, size - offset));
    if (n > MAX_READ) {
      throw new StorageException(op, path, FILE_TOO_LARGE, null);
    }
    return (int) n;
  }

  /**
   * Checks the slice of {@link WritableFile#write(byte[], int, int)}: {@code data} present and
   * {@code [offset, offset + length)} inside it, without int overflow.
   *
   * @throws StorageException ({@value #INVALID_ARGUMENT}) otherwise
   */
  public static void slice(String op, String path, byte[] data, int offset, int length) throws StorageException {
    if (data == null) {
      throw invalid(op, path, "no data");
    }
    if (offset < 0 || length < 0 || offset > data.length - length) {
      throw invalid(op, path, "offset " + offset + ", length " + length + " of " + data.length + " bytes");
    }
  }

  private static StorageException invalid(String op, String path, String what) {
    return new StorageException(op, path, INVALID_ARGUMENT + ": " + what, null);
  }

  /** The error of an operation that met a file where it needs a directory. */
  public static StorageException notDirectory(String op, String path) {
    return new StorageException(op, path, NOT_A_DIRECTORY, null);
  }

  /** The error of an operation refused because {@code path} is a directory. */
  public static StorageException isDirectory(String op, String path) {
    return new StorageException(op, path, IS_A_DIRECTORY, null);
  }
}
