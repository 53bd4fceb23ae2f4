package org.jds.blobfs.datastore;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import org.jds.blobfs.device.BlockDevice;
import org.jds.blobfs.device.ForwardingBlockDevice;

/**
 * A device that can hold one flush, or one large write, until the test opens the gate: proves
 * which operations still make progress while a thread is inside device I/O.
 */
final class GatedDevice extends ForwardingBlockDevice {
  final AtomicLong flushes = new AtomicLong();
  /** Writes of at least this many bytes are held (Integer.MAX_VALUE: none). */
  volatile int holdWritesFrom = Integer.MAX_VALUE;
  volatile boolean holdFlush;
  final CountDownLatch entered = new CountDownLatch(1);
  final CountDownLatch gate = new CountDownLatch(1);

  GatedDevice(BlockDevice dev) {
    super(dev);
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

}
