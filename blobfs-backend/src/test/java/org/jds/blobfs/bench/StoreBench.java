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
 * Optional args: a scale factor (default 1.0) for the key counts.
 */
public final class StoreBench {
  private static final int SYNC_KEYS = 300;
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
    for (Stores s : List.of(Stores.FLATFS, blobfs)) {
      b.sizes(s, "4KiB", (int) (10_000 * scale), 4096);
      b.sizes(s, "256KiB", (int) (2_000 * scale), 256 * 1024);
      b.openTime(s, (int) (100_000 * scale));
    }
    b.print(Stores.FLATFS.name(), blobfs.name());
    Cleanup.deleteTree(root);
  }

  private void record(String workload, Stores s, double value, boolean rate) {
    rows.computeIfAbsent(workload, k -> new LinkedHashMap<>()).put(s.name(), new double[] {value, rate ? 1 : 0});
    System.err.printf("%-40s %-14s %12.1f %s%n", workload, s.name(), value, rate ? "ops/s" : "ms");
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
      record(tag + " query-all keys only", s, Workload.queryAll(ds, true, n) / 1e6, false);
      record(tag + " query-all with values", s, Workload.queryAll(ds, false, n) / 1e6, false);
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
      Workload.queryAll(ds, false, keys.size());
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
