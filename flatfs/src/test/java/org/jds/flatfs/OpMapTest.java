package org.jds.flatfs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.jds.datastore.Key;
import org.jds.flatfs.testkit.FlatfsTestBase;
import org.junit.jupiter.api.Test;

/** Go's opMap: overlapping writes to one key, first success wins; a failure lets a waiter run. */
class OpMapTest extends FlatfsTestBase {
  @Test
  void waiterIsSkippedAfterSuccessAndRunsAfterFailure() throws Exception {
    OpMap m = new OpMap();
    OpMap.Op first = m.begin("/K");
    assertNotNull(first);
    CompletableFuture<OpMap.Op> waiter = beginParked(m, "/K");
    assertTrue(!waiter.isDone(), "a second op on the same key must wait");
    m.finish(first, true);
    assertNull(waiter.get(5, TimeUnit.SECONDS));

    OpMap.Op failing = m.begin("/K");
    CompletableFuture<OpMap.Op> retry = beginParked(m, "/K");
    m.finish(failing, false);
    OpMap.Op second = retry.get(5, TimeUnit.SECONDS);
    assertNotNull(second);
    m.finish(second, true);
    OpMap.Op other = m.begin("/OTHER");
    assertNotNull(other);
    m.finish(other, true);
  }

  /**
   * {@code m.begin(name)} on a new thread, returned once that thread waits for the running op (not
   * after a fixed sleep, which a loaded machine can outlast) or has already returned.
   */
  private static CompletableFuture<OpMap.Op> beginParked(OpMap m, String name) throws InterruptedException {
    CompletableFuture<OpMap.Op> f = new CompletableFuture<>();
    Thread t = new Thread(() -> f.complete(m.begin(name)), "opmap-waiter");
    t.setDaemon(true);
    t.start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (t.getState() != Thread.State.WAITING && !f.isDone()) {
      assertTrue(System.nanoTime() < deadline, "the waiter neither waited nor returned");
      Thread.sleep(1);
    }
    return f;
  }

  @Test
  void concurrentPutsOfOneKeyAreNeverTorn() throws Exception {
    FlatfsDatastore fs = open(ShardId.DEFAULT);
    List<byte[]> values = new ArrayList<>();
    for (int t = 0; t < 8; t++) {
      byte[] v = new byte[64 * 1024];
      java.util.Arrays.fill(v, (byte) t);
      values.add(v);
    }
    CountDownLatch start = new CountDownLatch(1);
    List<CompletableFuture<Void>> all = new ArrayList<>();
    for (byte[] v : values) {
      all.add(CompletableFuture.runAsync(() -> {
        try {
          start.await();
          for (int i = 0; i < 20; i++) {
            fs.put(Key.of("/SAME"), v);
          }
        } catch (Exception e) {
          throw new RuntimeException(e);
        }
      }));
    }
    start.countDown();
    CompletableFuture.allOf(all.toArray(new CompletableFuture<?>[0])).get(60, TimeUnit.SECONDS);
    byte[] got = fs.get(Key.of("/SAME"));
    byte[] match = values.stream().filter(v -> java.util.Arrays.equals(v, got)).findFirst().orElse(null);
    assertNotNull(match, "the stored value is not one of the written ones");
    assertArrayEquals(match, got);
    assertEquals(64 * 1024, got.length);
  }
}
