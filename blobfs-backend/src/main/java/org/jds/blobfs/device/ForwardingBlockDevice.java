package org.jds.blobfs.device;

import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * A device that forwards every call to another: the base for wrappers that change a few calls
 * (group commit, test devices that count or hold I/O). As thread-safe as the wrapped device.
 * {@link #barrier()} is not forwarded: it is this wrapper's {@link #flush()}, so a wrapper that
 * changes flush changes barriers alike unless it overrides barrier too.
 */
public abstract class ForwardingBlockDevice implements BlockDevice {
  protected final BlockDevice dev;

  protected ForwardingBlockDevice(BlockDevice dev) {
    this.dev = dev;
  }

  @Override
  public long size() {
    return dev.size();
  }

  @Override
  public int blockSize() {
    return dev.blockSize();
  }

  @Override
  public boolean isReadOnly() {
    return dev.isReadOnly();
  }

  @Override
  public void read(long offset, ByteBuffer dst) throws IOException {
    dev.read(offset, dst);
  }

  @Override
  public void write(long offset, ByteBuffer src) throws IOException {
    dev.write(offset, src);
  }

  @Override
  public void flush() throws IOException {
    dev.flush();
  }

  @Override
  public boolean tryUnmap(long offset, long length) throws IOException {
    return dev.tryUnmap(offset, length);
  }

  @Override
  public void discard(long offset, long length) throws IOException {
    dev.discard(offset, length);
  }

  @Override
  public void close() throws IOException {
    dev.close();
  }
}
