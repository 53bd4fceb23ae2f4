package org.jds.blobfs.datastore;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicLong;
import org.jds.blobfs.blobstore.SuperBlock;
import org.jds.blobfs.device.BlockDevice;
import org.jds.blobfs.device.ForwardingBlockDevice;

/**
 * Wraps the image device so that durability is paid for only where a caller needs it.
 *
 * <p>The engine calls {@link #flush()} as an ordering barrier after many small metadata steps.
 * Positional writes already survive a process crash (they sit in the OS page cache), so those
 * barriers only matter for power loss; here they are skipped unless (a) the super block was written
 * since the last flush (the clean flag must reach the disk before any dependent write), or (b) the
 * calling thread is inside {@link #strict}. Callers that promise durability call {@link
 * #durableFlush()}, which is a group commit: concurrent callers share one fdatasync, and a caller
 * returns only after a flush that started after its call. A caller that finds nothing written
 * since the last completed flush started returns at once: flatfs syncs a directory after each
 * mkdir, and a shard directory here is virtual (no device write), which made every synced put of
 * a new shard pay a third flush.
 */
final class GroupCommitDevice extends ForwardingBlockDevice {
  private final ThreadLocal<Integer> strictDepth = ThreadLocal.withInitial(() -> 0);
  private volatile boolean superWritten;

  private final Object lock = new Object();
  /** Tickets handed out to callers of durableFlush, and the highest ticket known durable. */
  private long requested;
  private long completed;
  private boolean flushing;
  private long flushes;
  private boolean closed;
  /** Device modifications completed so far (writes, unmaps, discards), counted after each. */
  private final AtomicLong mods = new AtomicLong();
  /** {@link #mods} as read when the last completed flush started: all of those are durable. */
  private long durableMods;

  GroupCommitDevice(BlockDevice dev) {
    super(dev);
  }

  /** Work whose engine barriers must be real device flushes. */
  interface IoWork<T> {
    T run() throws IOException;
  }

  <T> T strict(IoWork<T> work) throws IOException {
    strictDepth.set(strictDepth.get() + 1);
    try {
      return work.run();
    } finally {
      strictDepth.set(strictDepth.get() - 1);
    }
  }

  /** Returns once everything written before the call is on stable storage. */
  void durableFlush() throws IOException {
    long ticket;
    long modsAtStart;
    synchronized (lock) {
      if (mods.get() == durableMods) {
        return; // nothing written since a flush that has completed
      }
      ticket = ++requested;
      boolean interrupted = false;
      while (completed < ticket && flushing) {
        try {
          lock.wait();
        } catch (InterruptedException e) {
          interrupted = true; // durability first; the flag is restored below
        }
      }
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
      if (completed >= ticket) {
        return;
      }
      flushing = true;
      ticket = requested; // this flush covers every ticket issued so far
      modsAtStart = mods.get(); // read before the flush: everything up to here is covered
    }
    boolean ok = false;
    try {
      superWritten = false;
      dev.flush();
      ok = true;
    } finally {
      synchronized (lock) {
        flushing = false;
        if (ok) {
          completed = Math.max(completed, ticket);
          durableMods = Math.max(durableMods, modsAtStart);
          flushes++;
        }
        lock.notifyAll();
      }
    }
  }

  /** Device flushes issued so far (for tests and the benchmark). */
  long flushCount() {
    synchronized (lock) {
      return flushes;
    }
  }

  @Override
  public void flush() throws IOException {
    if (superWritten || strictDepth.get() > 0) {
      durableFlush();
    }
  }

  @Override
  public void write(long offset, ByteBuffer src) throws IOException {
    if (offset < SuperBlock.SIZE) {
      superWritten = true;
    }
    dev.write(offset, src);
    mods.incrementAndGet(); // after the write: a flush that sees the count covers the bytes
  }

  @Override
  public boolean tryUnmap(long offset, long length) throws IOException {
    boolean done = dev.tryUnmap(offset, length);
    mods.incrementAndGet();
    return done;
  }

  @Override
  public void discard(long offset, long length) throws IOException {
    dev.discard(offset, length);
    mods.incrementAndGet();
  }

  /** Idempotent, so error paths may close it whether or not the engine already did. */
  @Override
  public void close() throws IOException {
    synchronized (lock) {
      if (closed) {
        return;
      }
      closed = true;
    }
    dev.close();
  }
}
