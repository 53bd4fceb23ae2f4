package org.jds.interop;

/**
 * Deterministic value generator shared with the Go harness ({@code genValue} in
 * interop-tests/go/main.go): SplitMix64 outputs, little-endian, truncated to the length.
 */
public final class ValueGen {
  private ValueGen() {}

  public static byte[] gen(int len, long seed) {
    byte[] out = new byte[len];
    long s = seed;
    for (int i = 0; i < len; i += 8) {
      s += 0x9E3779B97F4A7C15L;
      long z = s;
      z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
      z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
      z ^= z >>> 31;
      for (int j = 0; j < 8 && i + j < len; j++) {
        out[i + j] = (byte) (z >>> (8 * j));
      }
    }
    return out;
  }
}
