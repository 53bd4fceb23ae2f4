package org.jds.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jds.blobfs.datastore.BlobfsImage;
import org.jds.blobfs.datastore.Geometry;
import org.jds.datastore.Batch;
import org.jds.datastore.Batching;
import org.jds.datastore.DatastoreException;
import org.jds.datastore.Key;
import org.jds.datastore.query.Query;
import org.jds.datastore.query.Result;
import org.jds.datastore.query.Results;
import org.jds.flatfs.FlatfsDatastore;
import org.jds.flatfs.FlatfsOptions;
import org.jds.flatfs.RootDatastore;
import org.jds.flatfs.ShardId;
import org.jds.flatfs.storage.LocalStorage;
import org.jds.s3ds.S3Config;
import org.jds.s3ds.S3Datastore;

/**
 * A Java store in this process: flatfs on the local disk, the blobfs datastore on a sparse image
 * file on the same disk, or s3ds on a local MinIO (each store a prefix of one bucket). Timings
 * are {@link System#nanoTime} around the operations only.
 */
final class JavaStore implements Contestant {
  /** Keys per batch commit, as in the Go harness. */
  static final int BATCH = 1000;

  /** Makes a new store in {@code dir} for {@code keys} values, {@code bytes} in all (create), or opens it. */
  interface Opener {
    Batching open(Path dir, boolean sync, int keys, long bytes, boolean create) throws Exception;
  }

  private final String name;
  private final Opener opener;

  private JavaStore(String name, Opener opener) {
    this.name = name;
    this.opener = opener;
  }

  static JavaStore flatfs() {
    return new JavaStore("java-flatfs", (dir, sync, keys, bytes, create) -> {
      if (!create) {
        return FlatfsDatastore.open(new LocalStorage(dir), "ds", sync);
      }
      Files.createDirectories(dir);
      return FlatfsDatastore.createOrOpen(new LocalStorage(dir), "ds", ShardId.DEFAULT, sync);
    });
  }

  static JavaStore blobfs() {
    return new JavaStore("java-blobfs", (dir, sync, keys, bytes, create) -> {
      if (!create) {
        return RootDatastore.open(() -> BlobfsImage.open(dir.resolve("img"), sync), null, FlatfsOptions.defaults(sync));
      }
      Files.createDirectories(dir);
      // Sparse: the size only bounds what the run may write. The md pages (one per file, fixed at
      // mkfs: one per bytesPerFile of image) must cover every key plus flatfs's own files.
      long size = Math.max(Math.max(1L << 30, 2 * bytes + (256L << 20)),
          2L * (keys + 1024) * Geometry.DEFAULT.bytesPerFile());
      return RootDatastore.on(BlobfsImage.create(dir.resolve("img"), size, Geometry.DEFAULT, sync),
          ShardId.DEFAULT, FlatfsOptions.defaults(sync));
    });
  }

  /**
   * s3ds on {@code minio}: the store of directory {@code dir} is the object prefix
   * {@code root.relativize(dir)} (rootDirectory) of one bucket, so every put makes a new store.
   * {@code sync} means nothing to S3 (MinIO keeps what it acknowledged).
   */
  static JavaStore s3ds(MinioServer minio, Path root) {
    return new JavaStore(S3DS, (dir, sync, keys, bytes, create) -> S3Datastore.open(
        S3Config.forBucket(MinioServer.BUCKET).withEndpoint(minio.endpoint())
            .withCredentials(MinioServer.ACCESS_KEY, MinioServer.SECRET_KEY, "")
            .withRootDirectory(root.relativize(dir).toString())));
  }

  static final String S3DS = "s3ds";

  @Override
  public String name() {
    return name;
  }

  @Override
  public Sample run(Workload w, Path dir, int n, long seed) throws Exception {
    Key[] keys = Data.keys(seed, n);
    if (w.creates()) {
      byte[][] values = Data.values(w.size());
      try (Batching ds = opener.open(dir, w.sync(), n, (long) n * w.size(), true)) {
        long t0 = System.nanoTime();
        if (w.op().equals("put")) {
          parallel(n, w.writers(), i -> ds.put(keys[i], values[i % Data.RING]));
        } else {
          batched(ds, keys, values);
        }
        return new Sample(n, seconds(t0), 0);
      }
    }
    if (w.op().equals("open")) {
      MemoryMXBean mem = ManagementFactory.getMemoryMXBean();
      long before = heapAfterGc(mem);
      long t0 = System.nanoTime();
      try (Batching ds = opener.open(dir, false, n, 0, false)) {
        double sec = seconds(t0);
        return new Sample(n, sec, heapAfterGc(mem) - before);
      }
    }
    int[] order = permutation(n, seed);
    try (Batching ds = opener.open(dir, w.sync(), n, 0, false)) {
      long t0 = System.nanoTime();
      switch (w.op()) {
        case "get" -> parallel(n, w.writers(), i -> ds.get(keys[order[i]]));
        case "getsize" -> parallel(n, w.writers(), i -> ds.getSize(keys[order[i]]));
        case "has-hit" -> parallel(n, w.writers(), i -> expectHas(ds, keys[order[i]], true));
        case "has-miss" -> {
          Key[] miss = Data.keys(seed + Data.MISS_SEED_OFFSET, n);
          t0 = System.nanoTime();
          parallel(n, w.writers(), i -> expectHas(ds, miss[i], false));
        }
        case "delete" -> parallel(n, w.writers(), i -> ds.delete(keys[order[i]]));
        case "query" -> countKeys(ds, n);
        default -> throw new IllegalArgumentException("unknown workload op " + w.op());
      }
      return new Sample(n, seconds(t0), 0);
    }
  }

  private static double seconds(long t0) {
    return (System.nanoTime() - t0) / 1e9;
  }

  private static long heapAfterGc(MemoryMXBean mem) {
    System.gc();
    return mem.getHeapMemoryUsage().getUsed();
  }

  /** The order reads visit the keys in: a permutation of 0..n-1 fixed by the seed. */
  static int[] permutation(int n, long seed) {
    List<Integer> l = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      l.add(i);
    }
    Collections.shuffle(l, new Random(seed));
    return l.stream().mapToInt(Integer::intValue).toArray();
  }

  private static void expectHas(Batching ds, Key k, boolean want) throws DatastoreException {
    if (ds.has(k) != want) {
      throw new IllegalStateException("has(" + k + ") = " + !want);
    }
  }

  private static void batched(Batching ds, Key[] keys, byte[][] values) throws DatastoreException {
    for (int start = 0; start < keys.length; start += BATCH) {
      Batch b = ds.batch();
      for (int i = start; i < keys.length && i < start + BATCH; i++) {
        b.put(keys[i], values[i % Data.RING]);
      }
      b.commit();
    }
  }

  private static void countKeys(Batching ds, int expected) throws Exception {
    int n = 0;
    try (Results r = ds.query(Query.builder().keysOnly(true).build())) {
      for (Result res : r) {
        if (res.isError()) {
          throw res.error();
        }
        n++;
      }
    }
    if (n != expected) {
      throw new IllegalStateException("query returned " + n + " of " + expected + " keys");
    }
  }

  interface KeyOp {
    void run(int i) throws Exception;
  }

  /** Runs {@code op} over 0..n-1 striped across {@code threads} threads; the first failure wins. */
  static void parallel(int n, int threads, KeyOp op) throws Exception {
    if (threads == 1) {
      for (int i = 0; i < n; i++) {
        op.run(i);
      }
      return;
    }
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
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
    } finally {
      pool.shutdown();
    }
  }
}
