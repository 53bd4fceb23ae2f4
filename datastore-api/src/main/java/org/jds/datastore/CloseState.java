package org.jds.datastore;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The open/closed flag every store and wrapper here keeps, so that after {@code close()} each
 * operation throws {@link ClosedException} whatever the child does. Thread-safe.
 */
public final class CloseState {
  private final AtomicBoolean closed = new AtomicBoolean();

  /** @throws ClosedException once {@link #close()} has been called */
  public void check() throws ClosedException {
    if (closed.get()) {
      throw new ClosedException();
    }
  }

  /** Marks closed; true only for the first call, so close() can be idempotent. */
  public boolean close() {
    return closed.compareAndSet(false, true);
  }

  public boolean isClosed() {
    return closed.get();
  }
}
