package org.jds.flatfs.storage;

/** The process ran out of file handles (EMFILE). Transient: flatfs retries these with back-off. */
public final class TooManyOpenFilesException extends StorageException {
  private static final long serialVersionUID = 1L;

  public TooManyOpenFilesException(String op, String path, Throwable cause) {
    super(op, path, "too many open files", cause);
  }
}
