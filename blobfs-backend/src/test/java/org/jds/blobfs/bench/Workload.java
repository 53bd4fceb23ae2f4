package org.jds.blobfs.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.jds.datastore.Key;

/** The keys and values {@link GeometryBench} stores (timed workloads live in the bench module, {@code ./jds bench}). */
final class Workload {
  private Workload() {}

  /** CID-like keys: base32 upper case, the shape IPFS puts in flatfs. */
  static List<Key> keys(String tag, int n) {
    List<Key> out = new ArrayList<>(n);
    Random r = new Random(tag.hashCode());
    String abc = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    for (int i = 0; i < n; i++) {
      StringBuilder sb = new StringBuilder("/CIQ");
      for (int j = 0; j < 52; j++) {
        sb.append(abc.charAt(r.nextInt(32)));
      }
      out.add(Key.of(sb.toString()));
    }
    return out;
  }

  /** Pre-generated random bytes: values are cut from it, so making a value costs a copy only. */
  private static final byte[] POOL = new byte[4 << 20];

  static {
    new Random(42).nextBytes(POOL);
  }

  /**
   * A random-looking value, distinct per {@code i}: a slice of {@link #POOL} at an offset derived
   * from {@code i}, stamped with {@code i}. (Generating 256 KiB with {@code Random.nextBytes}
   * inside the timed loop cost about as much as the put itself; it is now outside the timing.)
   */
  static byte[] value(int size, int i) {
    byte[] v = new byte[size];
    if (size > POOL.length / 2) {
      new Random(i).nextBytes(v);
      return v;
    }
    int start = (int) (((i & 0xffffffffL) * 2654435761L) % (POOL.length - size + 1));
    System.arraycopy(POOL, start, v, 0, size);
    for (int b = 0; b < Math.min(4, size); b++) {
      v[b] ^= (byte) (i >>> (8 * b));
    }
    return v;
  }
}
