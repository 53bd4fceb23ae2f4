package org.jds.datastore.query;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jds.datastore.DeadlineExceededException;

/**
 * A {@link ResultIterator} whose {@link #close()} is safe from any thread, also while {@link
 * #next()} runs on the consumer thread: the base for result sources that walk storage (Go's
 * {@code ResultsWithContext} proc, which selects on {@code ctx.Done()} between entries).
 *
 * <p>A subclass implements {@link #pull()} (the next result; it polls {@link #stopped()} in every
 * loop that may run long, and returns null once it is true) and {@link #release()} (closes what the
 * walk holds open). This class guarantees that {@code release()} runs exactly once, never while
 * {@code pull()} runs, on whichever thread comes last: the closing thread when no {@code next()} is
 * running, else the consumer thread as its {@code next()} returns. After {@code close()}, {@code
 * next()} returns null.
 *
 * <p>With a deadline, once it has passed {@code next()} returns one error result carrying {@link
 * DeadlineExceededException}, then null, and the resources are released.
 */
public abstract class CancellableIterator implements ResultIterator {
  private final Instant deadline;
  private final AtomicBoolean busy = new AtomicBoolean(); // held by next() or by a releasing close()
  private volatile boolean cancelled;
  private boolean finished; // guarded by busy: release() has run

  /** Without a deadline. */
  protected CancellableIterator() {
    this(null);
  }

  /** Stops at {@code deadline} (null: never), usually the query's {@link Query#deadline()}. */
  protected CancellableIterator(Instant deadline) {
    this.deadline = deadline;
  }

  /** The next result, or null at the end. Called only by {@link #next()}, on one thread at a time. */
  protected abstract Result pull();

  /** Releases what the walk holds (directory listings, child streams). Called exactly once. */
  protected abstract void release();

  /** True once {@link #close()} was called or the deadline passed: {@link #pull()} should return null. */
  protected final boolean stopped() {
    return cancelled || deadlinePassed();
  }

  private boolean deadlinePassed() {
    return deadline != null && !Instant.now().isBefore(deadline);
  }

  @Override
  public final Result next() {
    if (!busy.compareAndSet(false, true)) {
      return null; // a close() on another thread is releasing
    }
    Result out;
    try {
      out = step();
    } finally {
      busy.set(false);
    }
    releaseIfCancelled(); // a close() that found us busy left the release to us
    return cancelled ? null : out;
  }

  /** One result, or null, with the busy flag held. */
  private Result step() {
    if (finished || cancelled) {
      finish();
      return null;
    }
    Result r = deadlinePassed() ? null : pull();
    if (r != null && !cancelled) {
      return r;
    }
    finish();
    if (!cancelled && deadlinePassed()) {
      return Result.error(new DeadlineExceededException());
    }
    return null;
  }

  private void finish() {
    if (!finished) {
      finished = true;
      release();
    }
  }

  /** Stops the walk; safe from any thread and more than once. */
  @Override
  public final void close() {
    cancelled = true;
    releaseIfCancelled();
  }

  private void releaseIfCancelled() {
    if (cancelled && busy.compareAndSet(false, true)) {
      try {
        finish();
      } finally {
        busy.set(false);
      }
    }
  }
}
