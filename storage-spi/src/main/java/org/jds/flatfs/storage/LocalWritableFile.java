package org.jds.flatfs.storage;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/** A {@link WritableFile} over a {@link FileChannel}. */
final class LocalWritableFile extends CheckedWritableFile {
  private final FileChannel ch;

  LocalWritableFile(LocalStorage storage, String path, FileChannel ch) {
    super(path, storage::isClosed);
    this.ch = ch;
  }

  @Override
  protected void append(byte[] data, int offset, int length) throws StorageException {
    ByteBuffer buf = ByteBuffer.wrap(data, offset, length);
    try {
      while (buf.hasRemaining()) {
        ch.write(buf);
      }
    } catch (IOException e) {
      throw LocalErrors.map("write", path(), e);
    }
  }

  @Override
  protected void force() throws StorageException {
    try {
      ch.force(true);
    } catch (IOException e) {
      throw LocalErrors.map("sync", path(), e);
    }
  }

  /** Closes the channel, also after the storage's close (which leaves handles to their owners). */
  @Override
  protected void release(boolean afterStorageClose) throws StorageException {
    try {
      ch.close();
    } catch (IOException e) {
      throw LocalErrors.map("close", path(), e);
    }
  }
}
