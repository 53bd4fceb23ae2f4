package org.jds.bench;

/**
 * One timed operation of the bench: {@code op} is the Go harness's name for it (put, batch, get,
 * has-hit, has-miss, getsize, query, open, delete); {@code size} the value size of the puts;
 * {@code writers} the threads; {@code sync} whether puts are durable before they return.
 * {@code store} names the store the workload creates (puts) or reads (everything else), so that
 * reads run on the store that put of the same round made.
 */
record Workload(String label, String op, int size, int writers, boolean sync, String store) {
  boolean creates() {
    return op.equals("put") || op.equals("batch");
  }

  /** A put of {@code size}-byte values into a new store. */
  static Workload put(String label, int size, int writers, boolean sync, String store) {
    return new Workload(label, "put", size, writers, sync, store);
  }

  /** An operation on the store {@code store} a put of the same round made. */
  static Workload read(String label, String op, String store) {
    return new Workload(label, op, 4096, 1, false, store);
  }
}
