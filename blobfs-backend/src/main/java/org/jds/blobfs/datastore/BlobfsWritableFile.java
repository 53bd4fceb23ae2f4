package org.jds.blobfs.datastore;

import java.io.IOException;
import org.jds.blobfs.fs.BlobFile;
import org.jds.flatfs.storage.CheckedWritableFile;
import org.jds.flatfs.storage.StorageException;

/** An append handle on a blobfs file; sync is the engine's length commit plus a group flush. */
final class BlobfsWritableFile extends CheckedWritableFile {
  private final BlobFile file;

  BlobfsWritableFile(BlobfsStorage storage, String path, BlobFile file) {
    super(path, storage::isClosed);
    this.file = file;
  }

  @Override
  protected void append(byte[] data, int offset, int length) throws StorageException {
    try {
      file.write(file.length(), data, offset, length);
    } catch (IOException e) {
      throw BlobfsErrors.map("write", path(), e);
    }
  }

  @Override
  protected void force() throws StorageException {
    try {
      file.sync();
    } catch (IOException e) {
      throw BlobfsErrors.map("sync", path(), e);
    }
  }

  @Override
  protected void release(boolean afterStorageClose) throws StorageException {
    if (afterStorageClose) {
      return; // the storage's close released the engine's handle, keeping what was written
    }
    try {
      file.close();
    } catch (IOException e) {
      throw BlobfsErrors.map("close", path(), e);
    }
  }
}
