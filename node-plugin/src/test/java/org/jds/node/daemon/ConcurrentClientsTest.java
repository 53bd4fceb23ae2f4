package org.jds.node.daemon;

import static org.jds.node.daemon.TestNode.json;
import static org.jds.node.daemon.TestNode.text;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * 50 concurrent clients of mixed put (pinned and not), get, pin and gc against one daemon. Every
 * pinned block must survive every GC byte for byte; an acknowledged unpinned block may be collected
 * (that is GC's job) but never corrupted; the daemon keeps serving; heap stays bounded.
 *
 * <p>Length: {@code -Djds.stress.seconds=30} runs for that long (the run); by default each
 * client does {@code jds.stress.ops} operations (40), so CI time does not depend on the clock.
 */
class ConcurrentClientsTest {
  static final int CLIENTS = 50;
  @TempDir Path dir;

  record Put(String cid, byte[] data) {}

  @Test
  void fiftyClientsMixedLoad() throws Exception {
    long seconds = Long.getLong("jds.stress.seconds", 0);
    int opsPerClient = Integer.getInteger("jds.stress.ops", 40);
    MemoryMXBean mem = ManagementFactory.getMemoryMXBean();
    System.gc();
    long heapBefore = mem.getHeapMemoryUsage().getUsed();
    try (TestNode node = TestNode.start(dir)) {
      Map<String, byte[]> pinned = new ConcurrentHashMap<>();
      Map<String, byte[]> unpinned = new ConcurrentHashMap<>();
      ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
      AtomicLong ops = new AtomicLong();
      AtomicLong gcs = new AtomicLong();
      long end = System.nanoTime() + seconds * 1_000_000_000L;
      CountDownLatch done = new CountDownLatch(CLIENTS);
      for (int c = 0; c < CLIENTS; c++) {
        int id = c;
        Thread t = new Thread(() -> {
          Random rnd = new Random(id);
          List<Put> mine = new ArrayList<>();
          try {
            for (int i = 0; seconds > 0 ? System.nanoTime() < end : i < opsPerClient; i++) {
              step(node, id, rnd, mine, pinned, unpinned, gcs);
              ops.incrementAndGet();
            }
          } catch (Throwable e) {
            failures.add("client " + id + ": " + e);
          } finally {
            done.countDown();
          }
        }, "client-" + c);
        t.start();
      }
      long peak = 0;
      while (!done.await(50, java.util.concurrent.TimeUnit.MILLISECONDS)) {
        peak = Math.max(peak, mem.getHeapMemoryUsage().getUsed());
      }
      assertTrue(failures.isEmpty(), failures.toString());
      assertEquals(200, node.post("version").statusCode(), "still serving");
      for (Map.Entry<String, byte[]> e : pinned.entrySet()) {
        HttpResponse<byte[]> r = node.post("block/get?arg=" + e.getKey());
        assertEquals(200, r.statusCode(), "pinned block lost: " + e.getKey());
        assertArrayEquals(e.getValue(), r.body(), "pinned block corrupted: " + e.getKey());
      }
      long collected = 0;
      for (Map.Entry<String, byte[]> e : unpinned.entrySet()) {
        HttpResponse<byte[]> r = node.post("block/get?arg=" + e.getKey());
        if (r.statusCode() == 200) {
          assertArrayEquals(e.getValue(), r.body(), "block corrupted: " + e.getKey());
        } else {
          assertTrue(json(r).get("Message").asText().contains("could not find"), text(r));
          collected++;
        }
      }
      System.gc();
      long heapAfter = mem.getHeapMemoryUsage().getUsed();
      System.out.printf("stress: %d clients, %d ops, %d GCs, %d pinned kept, %d unpinned (%d collected);"
          + " heap before %d MiB, peak %d MiB, after %d MiB%n", CLIENTS, ops.get(), gcs.get(), pinned.size(),
          unpinned.size(), collected, heapBefore >> 20, peak >> 20, heapAfter >> 20);
      assertTrue(gcs.get() > 0 && !pinned.isEmpty(), "the mix ran GC and pinned blocks");
      // Bounded: what the run leaves on the heap is small next to what it moved through it.
      assertTrue(heapAfter - heapBefore < 128L << 20, "heap grew by " + ((heapAfter - heapBefore) >> 20) + " MiB");
    }
  }

  private static void step(TestNode node, int id, Random rnd, List<Put> mine, Map<String, byte[]> pinned,
      Map<String, byte[]> unpinned, AtomicLong gcs) throws Exception {
    int op = rnd.nextInt(100);
    if (op < 40 || mine.isEmpty()) {
      byte[] d = new byte[1024 + rnd.nextInt(8192)];
      rnd.nextBytes(d);
      boolean pin = rnd.nextBoolean();
      String cid = node.put(d, pin ? "?pin=true" : "");
      (pin ? pinned : unpinned).put(cid, d);
      mine.add(new Put(cid, d));
    } else if (op < 80) {
      Put p = mine.get(rnd.nextInt(mine.size()));
      HttpResponse<byte[]> r = node.post("block/get?arg=" + p.cid());
      if (pinned.containsKey(p.cid()) || r.statusCode() == 200) {
        assertEquals(200, r.statusCode(), "get " + p.cid());
        assertArrayEquals(p.data(), r.body());
      }
    } else if (op < 95) {
      Put p = mine.get(rnd.nextInt(mine.size()));
      HttpResponse<byte[]> r = node.post("pin/add?arg=" + p.cid());
      if (r.statusCode() == 200) {
        pinned.put(p.cid(), p.data());
        unpinned.remove(p.cid());
      } else {
        // Only a block GC already took may fail to pin.
        assertTrue(!pinned.containsKey(p.cid()) && text(r).contains("could not find"), text(r));
      }
    } else {
      HttpResponse<byte[]> r = node.post("repo/gc?quiet=true");
      assertEquals(200, r.statusCode(), text(r));
      gcs.incrementAndGet();
    }
  }
}
