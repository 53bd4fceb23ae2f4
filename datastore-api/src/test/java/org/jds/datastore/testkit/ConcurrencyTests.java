package org.jds.datastore.testkit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.zip.CRC32;
import org.jds.datastore.Datastore;
import org.jds.datastore.DatastoreException;
import org.jds.datastore.Key;
import org.jds.datastore.query.Query;
import org.jds.datastore.query.Result;
import org.jds.datastore.query.Results;

/**
 * Not in Go's suite: threads doing mixed put/get/delete/query on overlapping keys. Values are
 * self-describing (key, writer, sequence, length and a CRC32), so a torn or misplaced value is
 * detected wherever it is read; afterwards each key must hold the last operation of one of the
 * threads that touched it (a linearizable store's final write is some thread's final write).
 */
public final class ConcurrencyTests {
  private ConcurrencyTests() {}

  /** Keys live under {@code /capital} and at the root, upper case, so flatfs mounts see them too. */
  static List<Key> keys(int n) {
    List<Key> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(Key.of(i % 2 == 0 ? "/capital/" + i + "CONC" + i : "/" + i + "CONC" + i));
    }
    return out;
  }

  /** header "key|writer|seq|" + filler; last 8 bytes: filler length and CRC32 of the rest. */
  static byte[] value(Key k, int writer, int seq, int fill) {
    byte[] head = (k + "|" + writer + "|" + seq + "|").getBytes(StandardCharsets.UTF_8);
    ByteBuffer b = ByteBuffer.allocate(head.length + fill + 8);
    b.put(head);
    for (int i = 0; i < fill; i++) {
      b.put((byte) (writer * 31 + seq + i));
    }
    b.putInt(fill);
    CRC32 crc = new CRC32();
    crc.update(b.array(), 0, b.position());
    b.putInt((int) crc.getValue());
    return b.array();
  }

  /** Throws unless {@code v} is an intact value written for {@code k}. */
  static void verify(Key k, byte[] v) {
    if (v.length < 8) {
      fail("torn value for " + k + ": " + v.length + " bytes");
    }
    ByteBuffer b = ByteBuffer.wrap(v);
    int fill = b.getInt(v.length - 8);
    CRC32 crc = new CRC32();
    crc.update(v, 0, v.length - 4);
    if ((int) crc.getValue() != b.getInt(v.length - 4)) {
      fail("torn value for " + k + " (CRC mismatch, " + v.length + " bytes)");
    }
    String head = new String(v, 0, v.length - 8 - fill, StandardCharsets.UTF_8);
    assertTrue(head.startsWith(k + "|"), () -> "value of " + head + " found under " + k);
  }

  /** Runs {@code threads} threads of {@code opsPerThread} random operations over {@code keyCount} keys. */
  public static void run(Datastore ds, int threads, int opsPerThread, int keyCount) throws Exception {
    List<Key> keys = keys(keyCount);
    byte[] deleted = new byte[0];
    List<Map<Key, byte[]>> lastOps = new ArrayList<>();
    ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
    CountDownLatch start = new CountDownLatch(1);
    List<Thread> ts = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      int writer = t;
      Map<Key, byte[]> mine = new HashMap<>();
      lastOps.add(mine);
      Thread th = new Thread(() -> {
        Random rnd = new Random(writer * 7919L + System.nanoTime());
        try {
          start.await();
          for (int seq = 0; seq < opsPerThread; seq++) {
            Key k = keys.get(rnd.nextInt(keys.size()));
            int dice = rnd.nextInt(100);
            if (dice < 50) {
              byte[] v = value(k, writer, seq, rnd.nextInt(4096));
              ds.put(k, v);
              mine.put(k, v);
            } else if (dice < 75) {
              try {
                verify(k, ds.get(k));
              } catch (DatastoreException e) {
                if (!e.isNotFound()) {
                  throw e;
                }
              }
            } else if (dice < 90) {
              ds.delete(k);
              mine.put(k, deleted);
            } else {
              try (Results r = ds.query(Query.all())) {
                for (Result res : r) {
                  if (res.isError()) {
                    throw res.error();
                  }
                  verify(Key.raw(res.entry().key()), res.entry().value());
                }
              }
            }
          }
        } catch (Throwable e) {
          failures.add(e);
        }
      }, "conformance-concurrency-" + t);
      ts.add(th);
      th.start();
    }
    start.countDown();
    for (Thread th : ts) {
      th.join(120_000);
      if (th.isAlive()) {
        fail(th.getName() + " did not finish within 2 minutes (deadlock?)");
      }
    }
    if (!failures.isEmpty()) {
      Throwable first = failures.peek();
      AssertionError err = new AssertionError(failures.size() + " thread(s) failed; first: " + first, first);
      failures.stream().skip(1).forEach(err::addSuppressed);
      throw err;
    }
    for (Key k : keys) {
      byte[] actual;
      try {
        actual = ds.get(k);
        verify(k, actual);
      } catch (DatastoreException e) {
        if (!e.isNotFound()) {
          throw e;
        }
        actual = deleted;
      }
      List<byte[]> candidates = new ArrayList<>();
      for (Map<Key, byte[]> m : lastOps) {
        if (m.containsKey(k)) {
          candidates.add(m.get(k));
        }
      }
      if (candidates.isEmpty()) {
        assertArrayEquals(deleted, actual, k + " was never written but holds a value");
        continue;
      }
      byte[] a = actual;
      boolean ok = candidates.stream().anyMatch(c -> (c == deleted) ? a == deleted : Arrays.equals(c, a));
      assertTrue(ok, () -> "final state of " + k + " (" + (a == deleted ? "absent" : a.length + " bytes")
          + ") is not the last operation of any thread");
    }
    for (Key k : keys) {
      ds.delete(k);
    }
    assertEquals(0, ds.query(Query.builder().keysOnly(true).build()).rest().size(), "store empty after cleanup");
  }
}
