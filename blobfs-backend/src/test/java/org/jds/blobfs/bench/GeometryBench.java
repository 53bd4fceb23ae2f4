package org.jds.blobfs.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.jds.blobfs.datastore.BlobfsStorage;
import org.jds.blobfs.datastore.Geometry;
import org.jds.blobfs.fs.PureBlobFileSystem;
import org.jds.datastore.Batching;
import org.jds.datastore.Key;
import org.jds.flatfs.RootDatastore;

/**
 * Measures, for IPFS block mixes, the space each cluster size allocates per byte stored (clusters
 * plus md pages) against flatfs on the local file system ({@code du -B1}), and put/get speed. Not
 * a test; run by the {@code bench} profile.
 */
public final class GeometryBench {
  private GeometryBench() {}

  record Mix(String name, int[] sizes) {}

  static List<Mix> mixes() {
    Random r = new Random(42);
    int[] small = new int[3000];
    for (int i = 0; i < small.length; i++) {
      small[i] = 100 + r.nextInt(4 * 1024 - 100 + 1);
    }
    int[] leaves = new int[300];
    java.util.Arrays.fill(leaves, 262_144);
    int[] wrapped = new int[300];
    java.util.Arrays.fill(wrapped, 262_158); // a 256 KiB leaf in a dag-pb node
    int[] big = new int[80];
    java.util.Arrays.fill(big, 1 << 20);
    int[] repo = new int[2000];
    for (int i = 0; i < repo.length; i++) {
      int d = r.nextInt(100);
      repo[i] = d < 70 ? 100 + r.nextInt(4 * 1024 - 100 + 1) : d < 95 ? 262_144 : 1 << 20;
    }
    return List.of(new Mix("dag-pb 100B-4KiB", small), new Mix("raw leaves 256KiB", leaves),
        new Mix("dag-pb leaves 256KiB+14B", wrapped), new Mix("leaves 1MiB", big),
        new Mix("repo mix 70/25/5", repo));
  }

  public static void main(String[] args) throws Exception {
    Path root = Files.createTempDirectory("jds-geometry");
    int[] clusters = {4096, 16384, 65536, 262144, 1 << 20};
    System.out.print("| mix | stored | flatfs(local) du");
    for (int c : clusters) {
      System.out.print(" | blobfs " + (c >= 1 << 20 ? c / (1 << 20) + "M" : c / 1024 + "K"));
    }
    System.out.println(" |");
    System.out.println("|---|---:|---:" + "|---:".repeat(clusters.length) + "|");
    for (Mix m : mixes()) {
      long stored = 0;
      for (int s : m.sizes()) {
        stored += s;
      }
      List<Key> keys = Workload.keys(m.name(), m.sizes().length);
      StringBuilder row = new StringBuilder("| " + m.name() + " (" + m.sizes().length + ") | " + mib(stored));
      Path fd = root.resolve("flatfs");
      long t0 = System.nanoTime();
      try (Batching ds = Stores.FLATFS.create(fd, false)) {
        fill(ds, keys, m.sizes());
      }
      long flatPut = System.nanoTime() - t0;
      long flatDu = duBytes(fd.resolve("ds"));
      row.append(" | ").append(ratio(flatDu, stored));
      System.err.printf("%s flatfs put %.0f ms%n", m.name(), flatPut / 1e6);
      Cleanup.deleteTree(fd);
      for (int c : clusters) {
        Path bd = root.resolve("blobfs" + c);
        Stores s = Stores.blobfs(new Geometry(c, 16 * 1024), 16L << 30);
        long t1 = System.nanoTime();
        long du;
        int mdPages;
        try (Batching ds = s.create(bd, false)) {
          long base = ((RootDatastore<?>) ds).diskUsage();
          fill(ds, keys, m.sizes());
          du = ((RootDatastore<?>) ds).diskUsage() - base;
          mdPages = ((PureBlobFileSystem) ((BlobfsStorage) ((RootDatastore<?>) ds).storage()).fileSystem()).blobstore().usedPageMask().cardinality();
        }
        System.err.printf("%s blobfs %d put %.0f ms, md pages %d for %d files%n", m.name(), c, (System.nanoTime() - t1) / 1e6,
            mdPages, keys.size());
        row.append(" | ").append(ratio(du, stored));
        Cleanup.deleteTree(bd);
      }
      System.out.println(row.append(" |"));
    }
    Cleanup.deleteTree(root);
  }

  private static void fill(Batching ds, List<Key> keys, int[] sizes) throws Exception {
    for (int i = 0; i < keys.size(); i++) {
      ds.put(keys.get(i), Workload.value(sizes[i], i));
    }
  }

  /** Allocated bytes of a directory tree as the local file system reports them. */
  private static long duBytes(Path p) throws Exception {
    Process pr = new ProcessBuilder("du", "-s", "-B1", p.toString()).start();
    String out = new String(pr.getInputStream().readAllBytes()).trim();
    pr.waitFor();
    return Long.parseLong(out.split("\\s+")[0]);
  }

  private static String mib(long b) {
    return String.format("%.1f MiB", b / 1048576.0);
  }

  private static String ratio(long used, long stored) {
    return String.format("%.3f", (double) used / stored);
  }
}
