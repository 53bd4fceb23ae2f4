package org.jds.node;

import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Test helper: seeded random mutations of valid inputs (bit flips, byte changes, truncations,
 * insertions, splices with another input, noise), fed to a parser check. A fixed round count, so a
 * run does not depend on machine speed. Shared by the parser robustness tests.
 */
public final class Mutations {
  /** A parser check; anything it throws fails the test. */
  @FunctionalInterface
  public interface Check {
    void accept(byte[] input) throws Exception;
  }

  private Mutations() {}

  /** Runs {@code rounds} checks of 1-3 mutations of inputs drawn from {@code pool}. */
  public static void run(List<byte[]> pool, long seed, int rounds, Check check) throws Exception {
    Random r = new Random(seed);
    for (int i = 0; i < rounds; i++) {
      byte[] in = pool.get(r.nextInt(pool.size()));
      for (int k = r.nextInt(3); k >= 0; k--) in = mutate(in, r, pool);
      check.accept(in);
    }
  }

  static byte[] mutate(byte[] in, Random r, List<byte[]> pool) {
    byte[] b = in.clone();
    switch (r.nextInt(7)) {
      case 0 -> {
        if (b.length > 0) b[r.nextInt(b.length)] ^= (byte) (1 << r.nextInt(8));
      }
      case 1 -> {
        if (b.length > 0) b[r.nextInt(b.length)] = (byte) r.nextInt(256);
      }
      case 2 -> b = Arrays.copyOf(b, b.length == 0 ? 0 : r.nextInt(b.length));
      case 3 -> {
        byte[] c = new byte[b.length + 1];
        int at = r.nextInt(c.length);
        System.arraycopy(b, 0, c, 0, at);
        c[at] = (byte) r.nextInt(256);
        System.arraycopy(b, at, c, at + 1, b.length - at);
        b = c;
      }
      case 4 -> {
        byte[] other = pool.get(r.nextInt(pool.size()));
        int cut = b.length == 0 ? 0 : r.nextInt(b.length);
        byte[] c = Arrays.copyOf(b, cut + other.length);
        System.arraycopy(other, 0, c, cut, other.length);
        b = c;
      }
      case 5 -> {
        if (b.length > 0) b[r.nextInt(b.length)] = (byte) (0x80 | r.nextInt(128));
      }
      default -> {
        b = new byte[r.nextInt(48)];
        r.nextBytes(b);
      }
    }
    return b;
  }
}
