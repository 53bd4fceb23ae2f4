package org.jds.blobfs.datastore;

import java.io.IOException;
import org.jds.blobfs.AlreadyExistsException;
import org.jds.blobfs.BlobfsNoSpaceException;
import org.jds.blobfs.BlobfsNotFoundException;
import org.jds.blobfs.ImageInUseException;
import org.jds.blobfs.MetadataFullException;
import org.jds.blobfs.NameTooLongException;
import org.jds.blobfs.ReadOnlyException;
import org.jds.flatfs.storage.LockedException;
import org.jds.flatfs.storage.NoSpaceException;
import org.jds.flatfs.storage.NoSuchPathException;
import org.jds.flatfs.storage.PathExistsException;
import org.jds.flatfs.storage.ReadOnlyStorageException;
import org.jds.flatfs.storage.StorageChecks;
import org.jds.flatfs.storage.StorageException;

/** Maps blobfs engine and device errors onto the storage SPI's, so flatfs reports them as usual. */
final class BlobfsErrors {
  private BlobfsErrors() {}

  static StorageException map(String op, String path, IOException e) {
    if (e instanceof StorageException se) {
      return se;
    }
    if (e instanceof ImageInUseException u) {
      return new LockedException(op, path, u.reason());
    }
    if (e instanceof BlobfsNotFoundException) {
      return new NoSuchPathException(op, path);
    }
    if (e instanceof AlreadyExistsException) {
      return new PathExistsException(op, path);
    }
    if (e instanceof MetadataFullException) {
      return new NoSpaceException(op, path, e.getMessage(), e); // not "no space left" while clusters are free
    }
    if (e instanceof BlobfsNoSpaceException) {
      return new NoSpaceException(op, path, e);
    }
    if (e instanceof ReadOnlyException) {
      return new ReadOnlyStorageException(op, path, "read-only file system", e);
    }
    if (e instanceof NameTooLongException) {
      return new StorageException(op, path, "file name too long", e);
    }
    String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    return new StorageException(op, path, why, e);
  }

  static StorageException isDirectory(String op, String path) {
    return StorageChecks.isDirectory(op, path);
  }

  static StorageException notDirectory(String op, String path) {
    return StorageChecks.notDirectory(op, path);
  }
}
