package org.jds.datastore.wrap;

import java.time.Duration;
import java.util.Random;
import org.jds.datastore.DatastoreException;

/**
 * go-ipfs-delay's {@code delay.D}: a configurable pause. {@link #fixed} always waits {@link #get()};
 * {@link #variableUniform} waits {@code get() + U[0,1) * delta}; {@link #variableNormal} waits
 * {@code get() + N(0,1) * std} (negative totals wait nothing, as Go's sleep). {@link #set} changes
 * only the base; delta and std are fixed at construction, as in Go. Implementations here are
 * thread-safe (Go's read-write lock becomes a synchronized generator).
 *
 * <p>Go's {@code Wait()} is {@link #await()} ({@code wait} is taken by {@link Object}).
 */
public interface Delay {
  /** Sets the base duration and returns the previous one. */
  Duration set(Duration base);

  /** The base duration. */
  Duration get();

  /** The next pause, drawn from the distribution (consumes randomness for the variable delays). */
  Duration nextWaitTime();

  /** Pauses for {@link #nextWaitTime()}. */
  void await() throws DatastoreException;

  static Delay fixed(Duration base) {
    return fixed(base, Sleeper.SYSTEM);
  }

  /** A fixed delay that pauses through {@code sleeper}. */
  static Delay fixed(Duration base, Sleeper sleeper) {
    return new GeneratedDelay(base, sleeper, b -> b);
  }

  static Delay variableUniform(Duration base, Duration delta, Random rng) {
    return variableUniform(base, delta, rng, Sleeper.SYSTEM);
  }

  /** {@code base + rng.nextDouble() * delta} (Go: {@code rng.Float64()*float64(d) + t}). */
  static Delay variableUniform(Duration base, Duration delta, Random rng, Sleeper sleeper) {
    return new GeneratedDelay(
        base, sleeper, b -> b.plusNanos((long) (rng.nextDouble() * delta.toNanos())));
  }

  static Delay variableNormal(Duration base, Duration std, Random rng) {
    return variableNormal(base, std, rng, Sleeper.SYSTEM);
  }

  /** {@code base + rng.nextGaussian() * std} (Go: {@code rng.NormFloat64()*float64(std) + t}). */
  static Delay variableNormal(Duration base, Duration std, Random rng, Sleeper sleeper) {
    return new GeneratedDelay(
        base, sleeper, b -> b.plusNanos((long) (rng.nextGaussian() * std.toNanos())));
  }
}
