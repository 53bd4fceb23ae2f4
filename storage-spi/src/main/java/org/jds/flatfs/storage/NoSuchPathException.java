package org.jds.flatfs.storage;

/**
 * The path (or its parent directory) does not exist. Cheap: no stack trace is filled in, because
 * flatfs hits this on every lookup of an absent key.
 */
public final class NoSuchPathException extends StorageException {
  private static final long serialVersionUID = 1L;

  public NoSuchPathException(String op, String path) {
    super(op, path, "no such file or directory", false);
  }

  @Override
  public synchronized Throwable fillInStackTrace() {
    return this;
  }
}
