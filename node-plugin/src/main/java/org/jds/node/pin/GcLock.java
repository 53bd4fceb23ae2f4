package org.jds.node.pin;

import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * Kubo's GC locker: writers of blocks and pins hold the shared {@link #pinLock()} from the first
 * block written until their pin is stored; garbage collection and {@code block rm} hold the exclusive
 * {@link #gcLock()} for mark and sweep. So a GC never sees a block whose pin is still on its way, and a
 * block a put acknowledged before the GC's mark is either pinned or legitimately unpinned. Fair, so
 * a waiting GC is not starved by a stream of puts. Thread-safe.
 */
public final class GcLock {
  private final ReentrantReadWriteLock rw = new ReentrantReadWriteLock(true);

  /** Shared: block puts, imports, pin changes. */
  public Lock pinLock() {
    return rw.readLock();
  }

  /** Exclusive: GC and block removal. */
  public Lock gcLock() {
    return rw.writeLock();
  }
}
