package org.jds.blobfs.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jds.datastore.Batch;
import org.jds.datastore.Batching;
import org.jds.datastore.Key;
import org.jds.datastore.query.Query;
import org.jds.datastore.query.Result;
import org.jds.datastore.query.Results;

/** The timed operations; each returns elapsed nanoseconds. */
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

  interface KeyOp {
    void run(int i) throws Exception;
  }

  /** Runs {@code op} over indexes 0..n-1 split across {@code threads} threads. */
  static long parallel(int n, int threads, KeyOp op) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      long t0 = System.nanoTime();
      List<Future<?>> fs = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int me = t;
        fs.add(pool.submit(() -> {
          for (int i = me; i < n; i += threads) {
            op.run(i);
          }
          return null;
        }));
      }
      for (Future<?> f : fs) {
        f.get();
      }
      return System.nanoTime() - t0;
    } finally {
      pool.shutdown();
    }
  }

  static long batched(Batching ds, List<Key> keys, int size, int perBatch) throws Exception {
    long t0 = System.nanoTime();
    Batch b = ds.batch();
    for (int i = 0; i < keys.size(); i++) {
      b.put(keys.get(i), value(size, i));
      if ((i + 1) % perBatch == 0) {
        b.commit();
        b = ds.batch();
      }
    }
    b.commit();
    return System.nanoTime() - t0;
  }

  static long queryAll(Batching ds, boolean keysOnly, int expected) throws Exception {
    long t0 = System.nanoTime();
    int n = 0;
    try (Results r = ds.query(Query.builder().keysOnly(keysOnly).build())) {
      for (Result res : r) {
        if (res.isError()) {
          throw res.error();
        }
        n++;
      }
    }
    if (n != expected) {
      throw new IllegalStateException("query returned " + n + " of " + expected);
    }
    return System.nanoTime() - t0;
  }
}
