package org.jds.blobfs.datastore;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import org.jds.blobfs.device.BlockDevice;

/**
 * A device that can hold one flush, or one large write, until the test opens the gate: proves
 * which operations still make progress while a thread is inside device I/O.
 */
final class GatedDevice implements BlockDevice {
  private final BlockDevice dev;
  final AtomicLong flushes = new AtomicLong();
  /** Writes of at least this many bytes are held (Integer.MAX_VALUE: none). */
  volatile int holdWritesFrom = Integer.MAX_VALUE;
  volatile boolean holdFlush;
  final CountDownLatch entered = new CountDownLatch(1);
  final CountDownLatch gate = new CountDownLatch(1);

  GatedDevice(BlockDevice dev) {
    this.dev = dev;
  }

  private void hold() throws IOException {
    entered.countDown();
    try {
      gate.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted at the gate", e);
    }
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
    if (src.remaining() >= holdWritesFrom && gate.getCount() > 0) {
      hold();
    }
    dev.write(offset, src);
  }

  @Override
  public void flush() throws IOException {
    if (holdFlush && gate.getCount() > 0) {
      hold();
    }
    flushes.incrementAndGet();
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
