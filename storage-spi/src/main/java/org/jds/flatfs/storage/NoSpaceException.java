package org.jds.flatfs.storage;

/**
 * The backing device is full (ENOSPC, a quota, or a storage's fixed file count). Nothing written by
 * the failed call is durable.
 */
public final class NoSpaceException extends StorageException {
  private static final long serialVersionUID = 1L;

  public NoSpaceException(String op, String path, Throwable cause) {
    super(op, path, "no space left on device", cause);
  }

  /** A storage whose space runs out in some other way than bytes (e.g. a fixed file count) says how. */
  public NoSpaceException(String op, String path, String why, Throwable cause) {
    super(op, path, why, cause);
  }
}
