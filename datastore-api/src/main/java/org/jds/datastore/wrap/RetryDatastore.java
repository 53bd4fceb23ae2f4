package org.jds.datastore.wrap;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;
import org.jds.datastore.Datastore;
import org.jds.datastore.DatastoreException;
import org.jds.datastore.Errors;

/**
 * Go's {@code retrystore.Datastore}: runs an operation again while it fails with an error that
 * {@code isTemporary} accepts, at most {@code retries} more times, sleeping {@code (i+1) * delay}
 * before retry {@code i} (0-based), as Go does. An error the predicate rejects is thrown at once,
 * unchanged; when the retries run out the last error is thrown wrapped with Go's message {@code ran
 * out of retries trying to get past temporary error: <error>} (the cause is the last error).
 *
 * <p>As in Go, only get, has, getSize, put, sync and disk usage are retried ({@link #RETRIED});
 * delete, query, check, scrub, GC, close and the batch pass through once. A batch commit in
 * particular is never retried: a partly applied commit cannot safely run again.
 *
 * <p>Thread-safe if the child, the predicate and the sleeper are.
 */
public final class RetryDatastore extends InterceptingDatastore {
  /** The operations that are retried (Go's retrystore wraps exactly these). */
  public static final Set<DatastoreOp> RETRIED =
      EnumSet.of(
          DatastoreOp.GET,
          DatastoreOp.HAS,
          DatastoreOp.GET_SIZE,
          DatastoreOp.PUT,
          DatastoreOp.SYNC,
          DatastoreOp.DISK_USAGE);

  static final String OUT_OF_RETRIES = "ran out of retries trying to get past temporary error: ";

  private final Predicate<DatastoreException> isTemporary;
  private final int retries;
  private final Duration delay;
  private final Sleeper sleeper;

  /** Go's {@code &Datastore{Batching: child, TempErrFunc, Retries, Delay}}, sleeping for real. */
  public RetryDatastore(
      Datastore child, Predicate<DatastoreException> isTemporary, int retries, Duration delay) {
    this(child, isTemporary, retries, delay, Sleeper.SYSTEM);
  }

  /**
   * @param retries how many times to retry after the first attempt (negative counts as 0)
   * @param delay the base pause, multiplied by the retry number
   * @param sleeper takes the pauses (tests pass a recording one)
   */
  public RetryDatastore(
      Datastore child,
      Predicate<DatastoreException> isTemporary,
      int retries,
      Duration delay,
      Sleeper sleeper) {
    super(child);
    this.isTemporary = Objects.requireNonNull(isTemporary, "isTemporary");
    this.retries = Math.max(0, retries);
    this.delay = Objects.requireNonNull(delay, "delay");
    this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
  }

  @Override
  protected <T> T intercept(Invocation call, Action<T> action) throws DatastoreException {
    if (!RETRIED.contains(call.op())) {
      return action.run();
    }
    for (int attempt = 0; ; attempt++) {
      if (attempt > 0) {
        sleeper.sleep(delay.multipliedBy(attempt));
      }
      try {
        return action.run();
      } catch (DatastoreException e) {
        if (!isTemporary.test(e)) {
          throw e;
        }
        if (attempt == retries) {
          throw Errors.wrap(OUT_OF_RETRIES, e);
        }
      }
    }
  }
}
