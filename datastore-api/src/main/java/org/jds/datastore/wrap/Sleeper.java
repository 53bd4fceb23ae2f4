package org.jds.datastore.wrap;

import java.time.Duration;
import org.jds.datastore.DatastoreException;

/**
 * Pauses the calling thread: Go's {@code time.Sleep}, injectable so that tests of {@link Delay},
 * {@link DelayedDatastore} and {@link RetryDatastore} record waits instead of taking them.
 */
@FunctionalInterface
public interface Sleeper {
  /**
   * Sleeps for {@code d}; zero or negative returns at once (as Go's {@code time.Sleep}). {@link
   * #SYSTEM} throws a plain {@link DatastoreException} when interrupted and keeps the thread's
   * interrupt flag set.
   */
  void sleep(Duration d) throws DatastoreException;

  /** {@link Thread#sleep(long, int)}. */
  Sleeper SYSTEM =
      d -> {
        if (d.isNegative() || d.isZero()) {
          return;
        }
        try {
          Thread.sleep(d.toMillis(), d.toNanosPart() % 1_000_000);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new DatastoreException("interrupted while sleeping " + d, e);
        }
      };
}
