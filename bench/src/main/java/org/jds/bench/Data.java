package org.jds.bench;

import org.jds.datastore.Key;
import org.jds.interop.ValueGen;

/**
 * Keys and values of the bench, the same on both sides of the Go harness ({@code bench.go}): key
 * {@code i} of seed {@code s} is {@code /CIQ} plus 52 base32 letters from
 * {@code ValueGen.gen(52, s << 32 | i)}; put number {@code i} writes value {@code i % RING} of a ring
 * of {@link #RING} values {@code ValueGen.gen(size, 1000 + j)}. Thread-safe (immutable).
 */
final class Data {
  /** Distinct values the puts cycle through: making a value is outside every timed loop. */
  static final int RING = 64;

  /** The seed of the miss keys of has-miss, added to the store's seed. */
  static final long MISS_SEED_OFFSET = 1_000_000;

  private static final String BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

  private Data() {}

  static Key[] keys(long seed, int n) {
    Key[] out = new Key[n];
    StringBuilder sb = new StringBuilder(56);
    for (int i = 0; i < n; i++) {
      byte[] b = ValueGen.gen(52, seed << 32 | i);
      sb.setLength(0);
      sb.append("/CIQ");
      for (byte c : b) {
        sb.append(BASE32.charAt(c & 31));
      }
      out[i] = Key.of(sb.toString());
    }
    return out;
  }

  static byte[][] values(int size) {
    byte[][] out = new byte[RING][];
    for (int j = 0; j < RING; j++) {
      out[j] = ValueGen.gen(size, 1000 + j);
    }
    return out;
  }
}
