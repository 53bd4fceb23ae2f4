package org.jds.bench;

import java.nio.file.Path;

/**
 * A store or node under test. Implementations are used from one thread at a time; {@link #close}
 * stops what they started (a daemon, a server).
 */
interface Contestant extends AutoCloseable {
  String name();

  /** Stops what this contestant started; a no-op by default. */
  @Override
  default void close() throws Exception {}

  /**
   * Runs {@code w} on {@code n} keys of seed {@code seed} in {@code dir} (created by a put
   * workload of the same round, or to be created by this one).
   *
   * @throws Exception if the store fails or misbehaves (a wrong count, a missing key)
   */
  Sample run(Workload w, Path dir, int n, long seed) throws Exception;

  /** The timing of one run: seconds for {@code ops} operations, and for opens the heap they kept. */
  record Sample(int ops, double seconds, long heapBytes) {}
}
