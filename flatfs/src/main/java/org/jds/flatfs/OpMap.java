package org.jds.flatfs;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;

/**
 * Per-key deduplication of concurrent writes (Go's {@code opMap}): among operations on one key that
 * overlap in time, the first to succeed wins and the waiting ones are dropped; a failure lets the
 * next waiter run. Put, Delete and batch renames share one map.
 */
final class OpMap {
  private final ConcurrentHashMap<String, Op> ops = new ConcurrentHashMap<>();

  /** One in-flight operation; waiters block on {@link #done}. */
  static final class Op {
    private final String name;
    private final CountDownLatch done = new CountDownLatch(1);
    private volatile boolean success;

    private Op(String name) {
      this.name = name;
    }
  }

  /** Registers an op on {@code name}; null means a concurrent op succeeded, so skip ours. */
  Op begin(String name) {
    while (true) {
      Op mine = new Op(name);
      Op running = ops.putIfAbsent(name, mine);
      if (running == null) {
        return mine;
      }
      awaitUninterruptibly(running.done);
      if (running.success) {
        return null;
      }
    }
  }

  void finish(Op op, boolean ok) {
    op.success = ok;
    ops.remove(op.name, op);
    op.done.countDown();
  }

  private static void awaitUninterruptibly(CountDownLatch latch) {
    boolean interrupted = false;
    while (true) {
      try {
        latch.await();
        break;
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }
}
