package org.jds.flatfs.storage;

import java.io.IOException;

/**
 * Base of every error a {@link Storage} reports. The message reads {@code <op> <path>: <reason>} like
 * Go's {@code *os.PathError}, so flatfs can pass it through unchanged.
 */
public class StorageException extends IOException {
  private static final long serialVersionUID = 1L;

  private final String op;
  private final String path;
  private final String reason;

  public StorageException(String op, String path, String reason, Throwable cause) {
    super(op + " " + path + ": " + reason, cause);
    this.op = op;
    this.path = path;
    this.reason = reason;
  }

  /** For stackless subclasses on hot paths. */
  protected StorageException(String op, String path, String reason, boolean writableStackTrace) {
    super(op + " " + path + ": " + reason);
    this.op = op;
    this.path = path;
    this.reason = reason;
    if (!writableStackTrace) {
      setStackTrace(new StackTraceElement[0]);
    }
  }

  /** The operation that failed, e.g. {@code open}, {@code rename}. */
  public String op() {
    return op;
  }

  /** The storage-relative path the operation was about. */
  public String path() {
    return path;
  }

  /** The cause in words, without op and path (Go's {@code PathError.Err}). */
  public String reason() {
    return reason;
  }
}
