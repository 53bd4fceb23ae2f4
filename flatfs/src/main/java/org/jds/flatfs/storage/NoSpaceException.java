package org.jds.flatfs.storage;

/** The backing device is full (ENOSPC, or a quota). Nothing written by the failed call is durable. */
public final class NoSpaceException extends StorageException {
  private static final long serialVersionUID = 1L;

  public NoSpaceException(String op, String path, Throwable cause) {
    super(op, path, "no space left on device", cause);
  }
}
