package org.jds.bench;

/**
 * One timed run: {@code ops} operations in {@code seconds}; {@code heapBytes} what an open kept
 * on the heap (else 0); {@code diskBytes} the bytes the store's directory takes on disk after a
 * put (allocated blocks, {@code du}; else 0) for {@code storedBytes} of values.
 */
record Record(int n, int round, String workload, String contestant, int ops, double seconds, long heapBytes,
    long diskBytes, long storedBytes) {
  double opsPerSecond() {
    return ops / seconds;
  }
}
