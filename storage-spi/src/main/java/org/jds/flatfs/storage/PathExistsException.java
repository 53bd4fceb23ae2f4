package org.jds.flatfs.storage;

/** An exclusive create or a mkdir found the path already there. */
public final class PathExistsException extends StorageException {
  private static final long serialVersionUID = 1L;

  public PathExistsException(String op, String path) {
    super(op, path, "file exists", false);
  }

  @Override
  public synchronized Throwable fillInStackTrace() {
    return this;
  }
}
