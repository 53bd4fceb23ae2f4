package org.jds.blobfs.datastore;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.jds.datastore.Key;
import org.jds.flatfs.FlatfsOptions;
import org.jds.flatfs.RootDatastore;
import org.jds.flatfs.ShardId;
import org.jds.flatfs.storage.WritableFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Synced puts flush the device (file, then name), and concurrent ones share flushes. */
class GroupCommitTest {
  @TempDir Path dir;

  private RootDatastore<BlobfsStorage> open(boolean sync) throws Exception {
    BlobfsStorage s = BlobfsImage.create(dir.resolve("img"), 64L << 20, Geometry.DEFAULT, sync);
    return RootDatastore.on(s, ShardId.DEFAULT, FlatfsOptions.defaults(sync));
  }

  @Test
  void everySyncedPutFlushesDataThenName() throws Exception {
    try (RootDatastore<BlobfsStorage> ds = open(true)) {
      long before = ds.storage().flushCount();
      for (int i = 0; i < 20; i++) {
        ds.put(Key.of("/" + i + "XAB"), new byte[100]);
      }
      // temp file synced, then the name after the rename: two flushes a put at least (more for new
      // shard dirs and for the disk-usage checkpoints)
      assertTrue(ds.storage().flushCount() - before >= 40, "flushes: " + (ds.storage().flushCount() - before));
    }
  }

  @Test
  void unsyncedPutsDoNotFlush() throws Exception {
    try (RootDatastore<BlobfsStorage> ds = open(false)) {
      ds.put(Key.of("/WARM"), new byte[10]);
      long before = ds.storage().flushCount();
      for (int i = 0; i < 50; i++) {
        ds.put(Key.of("/K" + i), new byte[100]);
      }
      assertEquals(before, ds.storage().flushCount());
    }
  }

  /** flatfs's synced put sequence through the SPI alone (no checkpoint thread adding flushes). */
  @Test
  void concurrentSyncedPutsShareFlushes() throws Exception {
    int threads = 8;
    int each = 15;
    try (BlobfsStorage s = BlobfsImage.create(dir.resolve("img"), 64L << 20, Geometry.DEFAULT, true)) {
      s.mkdir("t");
      long before = s.flushCount();
      CountDownLatch go = new CountDownLatch(1);
      List<Thread> ts = new ArrayList<>();
      List<Throwable> errors = java.util.Collections.synchronizedList(new ArrayList<>());
      for (int t = 0; t < threads; t++) {
        int me = t;
        Thread th = new Thread(() -> {
          try {
            go.await();
            for (int i = 0; i < each; i++) {
              int k = me * each + i;
              WritableFile f = s.createTemp("t", "temp-");
              f.write(new byte[] {(byte) k, 2});
              f.sync();
              f.close();
              s.rename(f.path(), "f" + k);
              s.syncDirectory("");
            }
          } catch (Throwable e) {
            errors.add(e);
          }
        });
        th.start();
        ts.add(th);
      }
      go.countDown();
      for (Thread th : ts) {
        th.join();
      }
      assertEquals(List.of(), errors);
      long flushes = s.flushCount() - before;
      int puts = threads * each;
      assertTrue(flushes < 2L * puts, flushes + " flushes for " + puts + " synced puts: none shared");
      for (int k = 0; k < puts; k++) {
        assertArrayEquals(new byte[] {(byte) k, 2}, s.readAll("f" + k));
      }
    }
  }
}
