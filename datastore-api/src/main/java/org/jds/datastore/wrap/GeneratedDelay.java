package org.jds.datastore.wrap;

import java.time.Duration;
import java.util.Objects;
import java.util.function.UnaryOperator;
import org.jds.datastore.DatastoreException;

/** go-ipfs-delay's {@code delay}: a base duration and a generator of pauses from it. */
final class GeneratedDelay implements Delay {
  private final Sleeper sleeper;
  /** Maps the base to the next pause; called under this object's lock (Random is shared). */
  private final UnaryOperator<Duration> generator;
  private Duration base;

  GeneratedDelay(Duration base, Sleeper sleeper, UnaryOperator<Duration> generator) {
    this.base = Objects.requireNonNull(base, "base");
    this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
    this.generator = generator;
  }

  @Override
  public synchronized Duration set(Duration next) {
    Duration prev = base;
    base = Objects.requireNonNull(next, "base");
    return prev;
  }

  @Override
  public synchronized Duration get() {
    return base;
  }

  @Override
  public synchronized Duration nextWaitTime() {
    return generator.apply(base);
  }

  @Override
  public void await() throws DatastoreException {
    sleeper.sleep(nextWaitTime());
  }
}
