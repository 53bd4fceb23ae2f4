package org.jds.flatfs.storage;

/**
 * A write was refused because the storage, or the directory, is not writable (EROFS, or a
 * permission error such as EACCES/EPERM).
 */
public final class ReadOnlyStorageException extends StorageException {
  private static final long serialVersionUID = 1L;

  public ReadOnlyStorageException(String op, String path, String reason, Throwable cause) {
    super(op, path, reason, cause);
  }
}
