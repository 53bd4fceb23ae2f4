package org.jds.flatfs.storage;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/** A {@link WritableFile} over a {@link FileChannel}. */
final class LocalWritableFile implements WritableFile {
  private final LocalStorage storage;
  private final String path;
  private final FileChannel ch;
  private boolean closed;

  LocalWritableFile(LocalStorage storage, String path, FileChannel ch) {
    this.storage = storage;
    this.path = path;
    this.ch = ch;
  }

  @Override
  public String path() {
    return path;
  }

  @Override
  public void write(byte[] data, int offset, int length) throws StorageException {
    StorageChecks.handleOpen(closed, storage.isClosed(), "write", path);
    StorageChecks.slice("write", path, data, offset, length);
    ByteBuffer buf = ByteBuffer.wrap(data, offset, length);
    try {
      while (buf.hasRemaining()) {
        ch.write(buf);
      }
    } catch (IOException e) {
      throw LocalErrors.map("write", path, e);
    }
  }

  @Override
  public void sync() throws StorageException {
    StorageChecks.handleOpen(closed, storage.isClosed(), "sync", path);
    try {
      ch.force(true);
    } catch (IOException e) {
      throw LocalErrors.map("sync", path, e);
    }
  }

  /** Closes the channel, also after the storage's close (which leaves handles to their owners). */
  @Override
  public void close() throws StorageException {
    if (closed) {
      return;
    }
    closed = true;
    try {
      ch.close();
    } catch (IOException e) {
      throw LocalErrors.map("close", path, e);
    }
  }
}
