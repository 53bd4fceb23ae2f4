package org.jds.flatfs.storage;

/**
 * A lock is held by another process, or by another open in this one: the store is in use. The
 * message names the locked file and, where the platform tells, the holder.
 */
public final class LockedException extends StorageException {
  private static final long serialVersionUID = 1L;

  public LockedException(String op, String path, String reason) {
    super(op, path, reason, null);
  }
}
