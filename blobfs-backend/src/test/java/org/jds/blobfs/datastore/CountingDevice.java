package org.jds.blobfs.datastore;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicLong;
import org.jds.blobfs.device.BlockDevice;

/** Counts device reads, to prove which operations are served from memory. */
final class CountingDevice implements BlockDevice {
  final AtomicLong reads = new AtomicLong();
  private final BlockDevice dev;

  CountingDevice(BlockDevice dev) {
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
    reads.incrementAndGet();
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
  public void discard(long offset, long length) throws IOException {
    dev.discard(offset, length);
  }

  @Override
  public boolean tryUnmap(long offset, long length) throws IOException {
    return dev.tryUnmap(offset, length);
  }

  @Override
  public void close() throws IOException {
    dev.close();
  }
}
