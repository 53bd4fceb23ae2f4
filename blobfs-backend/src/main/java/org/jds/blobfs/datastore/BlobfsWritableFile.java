package org.jds.blobfs.datastore;

import java.io.IOException;
import org.jds.blobfs.fs.BlobFile;
import org.jds.flatfs.storage.StorageChecks;
import org.jds.flatfs.storage.StorageException;
import org.jds.flatfs.storage.WritableFile;

/** An append handle on a blobfs file; sync is the engine's length commit plus a group flush. */
final class BlobfsWritableFile implements WritableFile {
  private final BlobfsStorage storage;
  private final String path;
  private final BlobFile file;
  private boolean closed;

  BlobfsWritableFile(BlobfsStorage storage, String path, BlobFile file) {
    this.storage = storage;
    this.path = path;
    this.file = file;
  }

  @Override
  public String path() {
    return path;
  }

  @Override
  public void write(byte[] data, int offset, int length) throws StorageException {
    StorageChecks.handleOpen(closed, storage.isClosed(), "write", path);
    StorageChecks.slice("write", path, data, offset, length);
    try {
      file.write(file.length(), data, offset, length);
    } catch (IOException e) {
      throw BlobfsErrors.map("write", path, e);
    }
  }

  @Override
  public void sync() throws StorageException {
    StorageChecks.handleOpen(closed, storage.isClosed(), "sync", path);
    try {
      file.sync();
    } catch (IOException e) {
      throw BlobfsErrors.map("sync", path, e);
    }
  }

  @Override
  public void close() throws StorageException {
    if (closed) {
      return;
    }
    closed = true;
    if (storage.isClosed()) {
      return; // the storage's close released the engine's handle, keeping what was written
    }
    try {
      file.close();
    } catch (IOException e) {
      throw BlobfsErrors.map("close", path, e);
    }
  }
}
