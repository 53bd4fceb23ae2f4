package org.jds.blobfs.datastore;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicLong;
import org.jds.blobfs.device.BlockDevice;
import org.jds.blobfs.device.ForwardingBlockDevice;

/** Counts device reads, to prove which operations are served from memory. */
final class CountingDevice extends ForwardingBlockDevice {
  final AtomicLong reads = new AtomicLong();

  CountingDevice(BlockDevice dev) {
    super(dev);
  }

  @Override
  public void read(long offset, ByteBuffer dst) throws IOException {
    reads.incrementAndGet();
    dev.read(offset, dst);
  }
}
