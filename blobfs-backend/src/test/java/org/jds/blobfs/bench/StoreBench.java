package org.jds.blobfs.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jds.blobfs.datastore.Geometry;
import org.jds.datastore.Batching;
import org.jds.datastore.Key;

/**
 * flatfs workloads on blobfs side by side with flatfs on the local file system, in one run (not a
 * test): {@code mvn -q -B -pl blobfs-backend -am -Pbench -DskipTests verify}. Prints a Markdown
 * table: ops/s (higher is better) or ms (lower is better), and blobfs's speed-up over flatfs.
 * Optional args: a scale factor (default 1.0) for the key counts, then which parts to run (default
 * {@code 4KiB,256KiB,open}). With the 256 KiB rows it also measures the disk's sequential write
 * bandwidth on the same file system and prints the unsynced 256 KiB puts as a fraction of it.
 */
public final class StoreBench {
  private static final int SYNC_KEYS = 300;
  private static final int QUERY_REPS = 5;
  private final Path root;
  private final double scale;
  /** workload → store → [value, isRate] */
  private final Map<String, Map<String, double[]>> rows = new LinkedHashMap<>();

  private StoreBench(Path root, double scale) {
    this.root = root;
    this.scale = scale;
  }

  public static void main(String[] args) throws Exception {
    double scale = args.length > 0 ? Double.parseDouble(args[0]) : 1.0;
    Path root = Files.createTempDirectory("jds-bench");
    StoreBench b = new StoreBench(root, scale);
    Stores blobfs = Stores.blobfs(Geometry.DEFAULT, 16L << 30);
    for (Stores s : List.of(Stores.FLATFS, blobfs)) {
      b.warmUp(s);
    }
    String parts = args.length > 1 ? args[1] : "4KiB,256KiB,open";
    int big = (int) (2_000 * scale);
    for (Stores s : List.of(Stores.FLATFS, blobfs)) {
      if (parts.contains("4KiB")) {
        b.sizes(s, "4KiB", (int) (10_000 * scale), 4096);
      }
      if (parts.contains("256KiB")) {
        b.sizes(s, "256KiB", big, 256 * 1024);
      }
      if (parts.contains("open")) {
        b.openTime(s, (int) (100_000 * scale));
      }
    }
    if (!parts.contains("256KiB")) {
      b.print(Stores.FLATFS.name(), blobfs.name());
      Cleanup.deleteTree(root);
      return;
    }
    b.sequentialBaseline(big, 256 * 1024);
    b.print(Stores.FLATFS.name(), blobfs.name());
    b.printBandwidth(Stores.FLATFS.name(), blobfs.name(), "256KiB put sync=off, 1w", 256 * 1024);
    Cleanup.deleteTree(root);
  }

  /** Sequential-write baselines, MB/s (10^6 bytes), for the same total bytes as the 256 KiB puts. */
  private final Map<String, Double> baseline = new LinkedHashMap<>();

  /**
   * The disk's sequential write bandwidth in this run: a plain FileChannel appending {@code n}
   * chunks of {@code size} bytes (page cache only, then with one fdatasync at the end), and dd
   * ({@code conv=fdatasync}) when it is installed. Same file system as the stores (the temp dir).
   */
  private void sequentialBaseline(int n, int size) throws Exception {
    Path f = root.resolve("seq.bin");
    byte[] chunk = Workload.value(size, 7);
    double mb = (double) n * size / 1e6;
    for (int round = 0; round < 2; round++) { // the first round warms up the code and the file system
      Files.deleteIfExists(f);
      long t0 = System.nanoTime();
      long t1;
      try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(f,
          java.nio.file.StandardOpenOption.CREATE_NEW, java.nio.file.StandardOpenOption.WRITE)) {
        java.nio.ByteBuffer buf = java.nio.ByteBuffer.wrap(chunk);
        for (int i = 0; i < n; i++) {
          buf.clear();
          while (buf.hasRemaining()) {
            ch.write(buf);
          }
        }
        t1 = System.nanoTime();
        ch.force(false);
      }
      long t2 = System.nanoTime();
      if (round == 1) {
        baseline.put("FileChannel 256KiB appends, page cache (no fdatasync)", mb / ((t1 - t0) / 1e9));
        baseline.put("FileChannel 256KiB appends + one fdatasync at the end", mb / ((t2 - t0) / 1e9));
      }
    }
    Files.deleteIfExists(f);
    try {
      long t0 = System.nanoTime();
      Process p = new ProcessBuilder("dd", "if=/dev/zero", "of=" + f, "bs=256k", "count=" + n, "conv=fdatasync")
          .redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      if (p.waitFor() == 0) {
        baseline.put("dd bs=256k conv=fdatasync (zeros)", mb / ((System.nanoTime() - t0) / 1e9));
      }
    } catch (java.io.IOException e) {
      // no dd: the FileChannel figures stand alone
    }
    Files.deleteIfExists(f);
    for (Map.Entry<String, Double> e : baseline.entrySet()) {
      System.err.printf("%-55s %10.1f MB/s%n", e.getKey(), e.getValue());
    }
  }

  /** The put rate of {@code workload} as MB/s and as a fraction of each baseline. */
  private void printBandwidth(String a, String b, String workload, int size) {
    System.out.println();
    System.out.println("| sequential write, same bytes as \"" + workload + "\" | MB/s | " + a + " put as fraction | " + b + " put as fraction |");
    System.out.println("|---|---:|---:|---:|");
    Map<String, double[]> row = rows.get(workload);
    double ma = row.get(a)[0] * size / 1e6;
    double mbs = row.get(b)[0] * size / 1e6;
    System.out.printf("| (the puts themselves) | | %.0f MB/s | %.0f MB/s |%n", ma, mbs);
    for (Map.Entry<String, Double> e : baseline.entrySet()) {
      System.out.printf("| %s | %.0f | %.2f | %.2f |%n", e.getKey(), e.getValue(), ma / e.getValue(), mbs / e.getValue());
    }
  }

  private void record(String workload, Stores s, double value, boolean rate) {
    rows.computeIfAbsent(workload, k -> new LinkedHashMap<>()).put(s.name(), new double[] {value, rate ? 1 : 0});
    System.err.printf("%-40s %-14s %12.1f %s%n", workload, s.name(), value, rate ? "ops/s" : "ms");
  }

  /** A query of a few ms is at the mercy of one GC or scheduler hiccup: take the median. */
  private static double medianQueryMs(Batching ds, boolean keysOnly, int n) throws Exception {
    long[] t = new long[QUERY_REPS];
    for (int i = 0; i < t.length; i++) {
      t[i] = Workload.queryAll(ds, keysOnly, n);
    }
    java.util.Arrays.sort(t);
    return t[t.length / 2] / 1e6;
  }

  private static double rate(int n, long nanos) {
    return n / (nanos / 1e9);
  }

  private void sizes(Stores s, String tag, int n, int size) throws Exception {
    List<Key> keys = Workload.keys(tag, n);
    Path d = root.resolve(s.name() + "-" + tag);
    for (int writers : new int[] {1, 8}) {
      try (Batching ds = s.create(d.resolve("nosync" + writers), false)) {
        record(tag + " put sync=off, " + writers + "w", s, rate(n, Workload.parallel(n, writers, i -> ds.put(keys.get(i), Workload.value(size, i)))), true);
      }
      int ns = Math.min(n, SYNC_KEYS);
      try (Batching ds = s.create(d.resolve("sync" + writers), true)) {
        record(tag + " put sync=on, " + writers + "w (" + ns + " keys)", s, rate(ns, Workload.parallel(ns, writers, i -> ds.put(keys.get(i), Workload.value(size, i)))), true);
      }
    }
    try (Batching ds = s.create(d.resolve("batch"), false)) {
      record(tag + " batched put (1000/commit)", s, rate(n, Workload.batched(ds, keys, size, 1000)), true);
    }
    Path main = d.resolve("nosync8");
    try (Batching ds = s.open(main, false)) {
      record(tag + " get cold (fresh open), 1w", s, rate(n, Workload.parallel(n, 1, i -> ds.get(keys.get(i)))), true);
      record(tag + " get warm, 1w", s, rate(n, Workload.parallel(n, 1, i -> ds.get(keys.get(i)))), true);
      record(tag + " get warm, 8w", s, rate(n, Workload.parallel(n, 8, i -> ds.get(keys.get(i)))), true);
      record(tag + " has, 1w", s, rate(n, Workload.parallel(n, 1, i -> ds.has(keys.get(i)))), true);
      record(tag + " query-all keys only (median of " + QUERY_REPS + ")", s, medianQueryMs(ds, true, n), false);
      record(tag + " query-all with values (median of " + QUERY_REPS + ")", s, medianQueryMs(ds, false, n), false);
    }
    Cleanup.deleteTree(d);
  }

  /** Untimed: lets the JIT compile both code paths before anything is measured. */
  private void warmUp(Stores s) throws Exception {
    Path d = root.resolve(s.name() + "-warmup");
    List<Key> keys = Workload.keys("warmup", 3000);
    try (Batching ds = s.create(d, false)) {
      Workload.parallel(keys.size(), 2, i -> ds.put(keys.get(i), Workload.value(4096, i)));
      Workload.parallel(keys.size(), 2, i -> ds.get(keys.get(i)));
      for (int i = 0; i < 20; i++) {
        // a query is a few ms: without this the first measured ones still run in the interpreter
        Workload.queryAll(ds, true, keys.size());
        Workload.queryAll(ds, false, keys.size());
      }
    }
    Cleanup.deleteTree(d);
  }

  private void openTime(Stores s, int n) throws Exception {
    Path d = root.resolve(s.name() + "-open");
    List<Key> keys = Workload.keys("open", n);
    try (Batching ds = s.create(d, false)) {
      Workload.batched(ds, keys, 100, 5000);
    }
    long t0 = System.nanoTime();
    try (Batching ds = s.open(d, false)) {
      record("open store with " + n + " keys", s, (System.nanoTime() - t0) / 1e6, false);
      if (!ds.has(keys.get(n - 1))) {
        throw new IllegalStateException("store lost a key");
      }
    }
    Path cache = d.resolve("ds/diskUsage.cache");
    if (Files.exists(cache)) { // flatfs: what Open costs when it has to walk the tree
      Files.delete(cache);
      t0 = System.nanoTime();
      try (Batching ds = s.open(d, false)) {
        record("open store with " + n + " keys, no diskUsage.cache", s, (System.nanoTime() - t0) / 1e6, false);
      }
    }
    Cleanup.deleteTree(d);
  }

  private void print(String a, String b) {
    System.out.println("| workload | " + a + " | " + b + " | blobfs speed-up |");
    System.out.println("|---|---:|---:|---:|");
    for (Map.Entry<String, Map<String, double[]>> e : rows.entrySet()) {
      double[] x = e.getValue().get(a);
      double[] y = e.getValue().get(b);
      String unit = (x != null ? x : y)[1] == 1 ? " ops/s" : " ms";
      String ratio = x == null || y == null ? "n/a"
          : String.format("%.2fx", (x[1] == 1 ? y[0] / x[0] : x[0] / y[0]));
      System.out.printf("| %s | %s | %s | %s |%n", e.getKey(), fmt(x, unit), fmt(y, unit), ratio);
    }
  }

  private static String fmt(double[] v, String unit) {
    return v == null ? "n/a" : String.format("%,.0f%s", v[0], unit);
  }
}
