package org.jds.blobfs.device;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Wraps the image device so that durability is paid for only where a caller needs it.
 *
 * <p>{@link #flush()} is a group commit: concurrent callers share one device flush, and a caller
 * returns only after a flush that started after its call. A caller that finds nothing written
 * since the last completed flush started returns at once: flatfs syncs a directory after each
 * mkdir, and a shard directory here is virtual (no device write), which made every synced put of
 * a new shard pay a third flush.
 *
 * <p>{@link #barrier()} follows the {@link BarrierPolicy} given at construction: a group-committed
 * flush ({@link BarrierPolicy#POWER_LOSS_SAFE}) or nothing ({@link
 * BarrierPolicy#PROCESS_CRASH_SAFE}). The engine says which of the two it needs at each step
 * ({@code MdWriter}'s class comment); this class never guesses from offsets. Thread-safe.
 */
public final class GroupCommitDevice extends ForwardingBlockDevice {
  private volatile BarrierPolicy policy;
  private final AtomicLong barriers = new AtomicLong();

  private final Object lock = new Object();
  /** Tickets handed out to callers of flush, and the highest ticket known durable. */
  private long requested;
  private long completed;
  private boolean flushing;
  private long flushes;
  private boolean closed;
  /** Device modifications completed so far (writes, unmaps, discards), counted after each. */
  private final AtomicLong mods = new AtomicLong();
  /** {@link #mods} as read when the last completed flush started: all of those are durable. */
  private long durableMods;

  public GroupCommitDevice(BlockDevice dev, BarrierPolicy policy) {
    super(dev);
    this.policy = policy;
  }

  public BarrierPolicy policy() {
    return policy;
  }

  /**
   * Changes the policy for barriers issued from now on. Only for phases that own the device (mkfs,
   * the final unload), which must run {@link BarrierPolicy#POWER_LOSS_SAFE} whatever the setting.
   */
  public void policy(BarrierPolicy p) {
    policy = p;
  }

  @Override
  public void barrier() throws IOException {
    barriers.incrementAndGet();
    if (policy == BarrierPolicy.POWER_LOSS_SAFE) {
      flush();
    }
  }

  /** Engine barriers requested so far, whatever the policy made of them (for tests and the benchmark). */
  public long barrierCount() {
    return barriers.get();
  }

  /** Returns once everything written before the call is on stable storage (a group commit). */
  @Override
  public void flush() throws IOException {
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
  public long flushCount() {
    synchronized (lock) {
      return flushes;
    }
  }

  @Override
  public void write(long offset, ByteBuffer src) throws IOException {
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
