package org.jds.blobfs.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jds.blobfs.datastore.BlobfsStorage;
import org.jds.blobfs.datastore.Geometry;
import org.jds.datastore.Batching;
import org.jds.datastore.Key;
import org.jds.flatfs.RootDatastore;

/**
 * One StoreBench workload in a loop, for a profiler (not a test): args {@code put-(sync|nosync)-Nw|get-8w|query|query-keys|open
 * SIZE N ROUNDS [flatfs]}. Prints ops/s per round.
 */
public final class ProfileBench {
  public static void main(String[] args) throws Exception {
    String mode = args[0];
    int size = Integer.parseInt(args[1]);
    int n = Integer.parseInt(args[2]);
    int rounds = Integer.parseInt(args[3]);
    Stores s = args.length > 4 && args[4].equals("flatfs") ? Stores.FLATFS : Stores.blobfs(Geometry.DEFAULT, 16L << 30);
    Path root = Files.createTempDirectory("jds-prof");
    List<Key> keys = Workload.keys("prof", n);
    try {
      if (mode.startsWith("query")) {
        boolean keysOnly = mode.equals("query-keys");
        try (Batching ds = s.create(root.resolve("q"), false)) {
          Workload.parallel(n, 8, i -> ds.put(keys.get(i), Workload.value(size, i)));
        }
        try (Batching ds = s.open(root.resolve("q"), false)) {
          for (int r = 0; r < rounds; r++) {
            System.out.printf("%s round %d: %.1f ms%n", mode, r, Workload.queryAll(ds, keysOnly, n) / 1e6);
          }
        }
      } else if (mode.equals("open")) {
        try (Batching ds = s.create(root.resolve("o"), false)) {
          Workload.parallel(n, 2, i -> ds.put(keys.get(i), Workload.value(size, i)));
        }
        for (int r = 0; r < rounds; r++) {
          long t0 = System.nanoTime();
          try (Batching ds = s.open(root.resolve("o"), false)) {
            System.out.printf("%s round %d: %.1f ms%n", mode, r, (System.nanoTime() - t0) / 1e6);
          }
        }
      } else if (mode.equals("get-8w")) {
        try (Batching ds = s.create(root.resolve("g"), false)) {
          Workload.parallel(n, 2, i -> ds.put(keys.get(i), Workload.value(size, i)));
        }
        try (Batching ds = s.open(root.resolve("g"), false)) {
          for (int r = 0; r < rounds; r++) {
            System.out.printf("%s round %d: %.0f ops/s%n", mode, r, n / (Workload.parallel(n, 8, i -> ds.get(keys.get(i))) / 1e9));
          }
        }
      } else {
        boolean sync = !mode.contains("nosync");
        int writers = Integer.parseInt(mode.substring(mode.lastIndexOf('-') + 1, mode.length() - 1));
        for (int r = 0; r < rounds; r++) {
          Path d = root.resolve("p" + r);
          try (Batching ds = s.create(d, sync)) {
            long f0 = ds instanceof RootDatastore<?> b && b.storage() instanceof BlobfsStorage bs ? bs.flushCount() : 0;
            double rate = n / (Workload.parallel(n, writers, i -> ds.put(keys.get(i), Workload.value(size, i))) / 1e9);
            String flushes = ds instanceof RootDatastore<?> b && b.storage() instanceof BlobfsStorage bs ? String.format(", %.2f device flushes per put", (bs.flushCount() - f0) / (double) n) : "";
            System.out.printf("%s round %d: %.0f ops/s%s%n", mode, r, rate, flushes);
          }
          Cleanup.deleteTree(d);
        }
      }
    } finally {
      Cleanup.deleteTree(root);
    }
  }
}
