package org.jds.blobfs.datastore;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jds.blobfs.device.BarrierPolicy;
import org.jds.blobfs.device.FileBlockDevice;
import org.jds.blobfs.device.GroupCommitDevice;
import org.jds.flatfs.storage.NoSuchPathException;
import org.jds.flatfs.storage.WritableFile;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Device I/O of one thread does not stall the others: a data append and a replace's durability
 * barrier run outside the storage and engine locks, and concurrent durable flushes are shared.
 * Deterministic: the device holds the I/O at a gate until the other operations have finished (the
 * timeouts only bound a failure, they measure nothing).
 */
class ConcurrencyTest {
  @TempDir Path dir;
  private final ExecutorService pool = Executors.newCachedThreadPool();

  @AfterEach
  void stop() {
    pool.shutdownNow();
  }

  private GatedDevice gated;

  private BlobfsStorage open(boolean durableReplace) throws Exception {
    Path img = dir.resolve("img");
    BlobfsImage.create(img, 64L << 20, Geometry.DEFAULT, durableReplace).close();
    gated = new GatedDevice(FileBlockDevice.open(img, false, 4096));
    return BlobfsImage.open(gated, "img", durableReplace);
  }

  private static byte[] bytes(int n, int seed) {
    byte[] b = new byte[n];
    new Random(seed).nextBytes(b);
    return b;
  }

  private static void put(BlobfsStorage s, String path, byte[] v) throws Exception {
    WritableFile f = s.createTemp("", "temp-");
    f.write(v);
    f.sync();
    f.close();
    s.rename(f.path(), path);
  }

  private static <T> T within(Future<T> f) throws Exception {
    try {
      return f.get(30, TimeUnit.SECONDS);
    } catch (TimeoutException e) {
      throw new AssertionError("blocked behind another thread's device I/O", e);
    }
  }

  @Test
  void otherFilesAreReadAndWrittenWhileAnAppendIsInsideTheDevice() throws Exception {
    try (BlobfsStorage s = open(true)) {
      byte[] a = bytes(300_000, 1);
      put(s, "a", a);
      byte[] big = bytes(256 * 1024, 2);
      gated.holdWritesFrom = 128 * 1024;
      Future<Void> writer = pool.submit(() -> {
        WritableFile f = s.create("big", org.jds.flatfs.storage.CreateMode.EXCLUSIVE, org.jds.flatfs.storage.FileAccess.PRIVATE);
        f.write(big);
        f.close();
        return null;
      });
      assertTrue(gated.entered.await(30, TimeUnit.SECONDS), "the append never reached the device");
      // the append is inside the device: reads, stats and small puts of other files go on
      assertArrayEquals(a, within(pool.submit(() -> s.readAll("a"))));
      assertEquals(a.length, within(pool.submit(() -> s.stat("a"))).size());
      byte[] c = bytes(1000, 3);
      within(pool.submit(() -> {
        put(s, "c", c);
        return null;
      }));
      assertArrayEquals(c, s.readAll("c"));
      // the unfinished append is not visible yet
      assertEquals(0, s.stat("big").size());
      assertFalse(writer.isDone());
      gated.gate.countDown();
      within(writer);
      assertArrayEquals(big, s.readAll("big"));
    }
  }

  @Test
  void aReplaceBarrierDoesNotHoldTheStorageLock() throws Exception {
    try (BlobfsStorage s = open(true)) {
      put(s, "x", bytes(5000, 1));
      put(s, "y", bytes(6000, 2));
      byte[] x2 = bytes(7000, 3);
      WritableFile t = s.createTemp("", "temp-");
      t.write(x2);
      t.sync();
      t.close();
      gated.holdFlush = true;
      // the rename commits the new x, then flushes before it deletes the old x: held at the gate
      Future<Void> replace = pool.submit(() -> {
        s.rename(t.path(), "x");
        return null;
      });
      assertTrue(gated.entered.await(30, TimeUnit.SECONDS), "the replace never flushed");
      assertArrayEquals(x2, within(pool.submit(() -> s.readAll("x"))), "the commit is visible");
      assertArrayEquals(bytes(6000, 2), within(pool.submit(() -> s.readAll("y"))));
      within(pool.submit(() -> {
        WritableFile z = s.createTemp("", "temp-");
        z.write(new byte[] {9});
        z.close();
        s.rename(z.path(), "z"); // a new name: no barrier
        s.delete("y");
        return null;
      }));
      assertThrows(NoSuchPathException.class, () -> s.readAll("y"));
      assertFalse(replace.isDone(), "rename returned before its barrier flush");
      long before = gated.flushes.get();
      gated.gate.countDown();
      within(replace);
      assertTrue(gated.flushes.get() > before);
      assertArrayEquals(x2, s.readAll("x"));
      assertArrayEquals(new byte[] {9}, s.readAll("z"));
    }
    // a clean reopen holds exactly one x (the old one was deleted after the barrier)
    try (BlobfsStorage s = BlobfsImage.open(dir.resolve("img"), true)) {
      assertArrayEquals(bytes(7000, 3), s.readAll("x"));
      long xs = s.fileSystem().list().stream().filter(n -> n.equals("/x")).count();
      assertEquals(1, xs, s.fileSystem().list().toString());
    }
  }

  /** Seven flushes requested while one is in progress are all covered by a single next flush. */
  @Test
  void durableFlushesRequestedDuringAFlushShareTheNextOne() throws Exception {
    Path img = dir.resolve("raw");
    GatedDevice d = new GatedDevice(FileBlockDevice.create(img, 1 << 20, 4096));
    GroupCommitDevice gc = new GroupCommitDevice(d, BarrierPolicy.PROCESS_CRASH_SAFE);
    try {
      d.holdFlush = true;
      Future<Void> leader = pool.submit(() -> {
        gc.write(0, ByteBuffer.wrap(new byte[4096]));
        gc.flush();
        return null;
      });
      assertTrue(d.entered.await(30, TimeUnit.SECONDS));
      List<Thread> followers = new ArrayList<>();
      List<Throwable> errors = java.util.Collections.synchronizedList(new ArrayList<>());
      for (int i = 0; i < 7; i++) {
        long at = 4096L * (i + 1);
        Thread t = new Thread(() -> {
          try {
            gc.write(at, ByteBuffer.wrap(new byte[4096])); // written after the flush started
            gc.flush();
          } catch (Throwable e) {
            errors.add(e);
          }
        });
        t.start();
        followers.add(t);
      }
      for (Thread t : followers) { // all seven wait for the flush in progress
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (t.getState() != Thread.State.WAITING) {
          assertTrue(System.nanoTime() < deadline, "follower never waited: " + t.getState());
          Thread.onSpinWait();
        }
      }
      assertEquals(0, d.flushes.get());
      d.gate.countDown();
      within(leader);
      for (Thread t : followers) {
        t.join(TimeUnit.SECONDS.toMillis(30));
        assertFalse(t.isAlive());
      }
      assertEquals(List.of(), errors);
      // the leader's flush, then one flush for all seven (each started after its caller asked)
      assertEquals(2, d.flushes.get());
      assertEquals(2, gc.flushCount());
    } finally {
      gc.close();
    }
  }

  /**
   * A durable flush with nothing written since a completed flush started costs no device flush
   * (flatfs syncs a virtual shard directory after each mkdir); any write, unmap or discard makes
   * the next one flush again.
   */
  @Test
  void durableFlushWithNothingNewWrittenIssuesNoDeviceFlush() throws Exception {
    GatedDevice d = new GatedDevice(FileBlockDevice.create(dir.resolve("raw"), 1 << 20, 4096));
    GroupCommitDevice gc = new GroupCommitDevice(d, BarrierPolicy.PROCESS_CRASH_SAFE);
    try {
      gc.write(0, ByteBuffer.wrap(new byte[4096]));
      gc.flush();
      assertEquals(1, d.flushes.get());
      gc.flush();
      gc.flush();
      assertEquals(1, d.flushes.get(), "nothing new to make durable");
      gc.write(8192, ByteBuffer.wrap(new byte[10]));
      gc.flush();
      assertEquals(2, d.flushes.get());
      gc.discard(4096, 4096);
      gc.flush();
      assertEquals(3, d.flushes.get());
      gc.tryUnmap(4096, 4096);
      gc.flush();
      gc.flush();
      assertEquals(4, d.flushes.get());
    } finally {
      gc.close();
    }
  }
}
