package org.jds.flatfs.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.jds.datastore.Key;
import org.jds.datastore.query.Query;
import org.jds.datastore.query.Result;
import org.jds.datastore.query.Results;
import org.jds.flatfs.FlatfsBatch;
import org.jds.flatfs.FlatfsDatastore;
import org.jds.flatfs.ShardId;
import org.jds.flatfs.storage.Storage;
import org.jds.flatfs.testkit.StorageFactories;

/**
 * A plain benchmark (not a test): put with sync on and off, batched put (512 per batch), get, has,
 * getSize and a query of everything, at 10k × 4 KiB and 2k × 256 KiB, on the storage named by
 * {@code -Djds.flatfs.storageFactory} (local by default). Prints ops/s and MB/s.
 *
 * <pre>
 * mvn -q -pl flatfs test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=org.jds.flatfs.bench.FlatfsBench [-Dexec.args="SCALE"]
 * </pre>
 * SCALE (default 1.0) multiplies the key counts, e.g. 0.1 for a quick run.
 */
public final class FlatfsBench {
  private static final int BATCH_SIZE = 512;
  private static boolean quiet;

  private FlatfsBench() {}

  public static void main(String[] args) throws Exception {
    double scale = args.length > 0 ? Double.parseDouble(args[0]) : 1.0;
    quiet = true; // JIT warm-up round, not reported
    run(1000, 4 * 1024);
    quiet = false;
    System.out.printf(Locale.ROOT, "%-28s %10s %12s %10s%n", "case", "ops", "ops/s", "MB/s");
    run((int) (10_000 * scale), 4 * 1024);
    run((int) (2_000 * scale), 256 * 1024);
  }

  private static void run(int count, int size) throws Exception {
    Path host = Files.createTempDirectory("flatfs-bench");
    try (Storage storage = StorageFactories.current().open(host)) {
      List<Key> keys = new ArrayList<>();
      Random r = new Random(1);
      byte[] value = new byte[size];
      r.nextBytes(value);
      for (int i = 0; i < count; i++) {
        keys.add(Key.of(String.format("/CIQ%08XBENCH%d", r.nextInt(), i)));
      }
      String label = count + "x" + (size / 1024) + "KiB ";
      try (FlatfsDatastore fs = FlatfsDatastore.createOrOpen(storage, "nosync", ShardId.DEFAULT, false)) {
        time(label + "put sync=off", count, size, () -> {
          for (Key k : keys) {
            fs.put(k, value);
          }
        });
        time(label + "get", count, size, () -> {
          for (Key k : keys) {
            fs.get(k);
          }
        });
        time(label + "has", count, 0, () -> {
          for (Key k : keys) {
            fs.has(k);
          }
        });
        time(label + "getSize", count, 0, () -> {
          for (Key k : keys) {
            fs.getSize(k);
          }
        });
        time(label + "query all (values)", count, size, () -> {
          try (Results res = fs.query(Query.all())) {
            for (Result x : res) {
              if (x.isError()) {
                throw x.error();
              }
            }
          }
        });
      }
      try (FlatfsDatastore fs = FlatfsDatastore.createOrOpen(storage, "sync", ShardId.DEFAULT, true)) {
        time(label + "put sync=on", count, size, () -> {
          for (Key k : keys) {
            fs.put(k, value);
          }
        });
      }
      try (FlatfsDatastore fs = FlatfsDatastore.createOrOpen(storage, "batch", ShardId.DEFAULT, false)) {
        time(label + "batched put (512)", count, size, () -> {
          for (int i = 0; i < keys.size(); i += BATCH_SIZE) {
            FlatfsBatch b = fs.batch();
            for (Key k : keys.subList(i, Math.min(keys.size(), i + BATCH_SIZE))) {
              b.put(k, value);
            }
            b.commit();
          }
        });
      }
      storage.deleteTree("");
    }
  }

  interface Body {
    void run() throws Exception;
  }

  private static void time(String name, int ops, int bytesPerOp, Body body) throws Exception {
    long t0 = System.nanoTime();
    body.run();
    double secs = (System.nanoTime() - t0) / 1e9;
    if (quiet) {
      return;
    }
    System.out.printf(Locale.ROOT, "%-28s %10d %12.0f %10.1f%n", name, ops, ops / secs,
        (double) ops * bytesPerOp / secs / (1024 * 1024));
  }
}
