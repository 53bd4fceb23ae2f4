package org.jds.flatfs;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jds.datastore.InvalidKeyException;
import org.jds.datastore.NotFoundException;
import org.jds.datastore.query.Entry;
import org.jds.datastore.query.Query;
import org.jds.flatfs.testkit.FlatfsTestBase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Go's batch_test.go and the batch tests of flatfs_test.go. */
class BatchTest extends FlatfsTestBase {
  private static final String SHARDS = "org.jds.flatfs.testkit.FlatfsTestBase#shardFuncs";

  private static byte[] b(String s) {
    return s.getBytes(UTF_8);
  }

  /** Go's TestBatch: 9 batches sharing /QUUX, committed concurrently. */
  @ParameterizedTest
  @MethodSource(SHARDS)
  void concurrentCommits(ShardId fn) throws Exception {
    FlatfsDatastore fs = open(fn);
    List<FlatfsBatch> batches = new ArrayList<>();
    for (int i = 0; i < 9; i++) {
      FlatfsBatch b = fs.batch();
      b.put(k("/QUUX"), b("foo"));
      b.put(k("/Q" + i + "X"), b("bar" + i));
      batches.add(b);
    }
    ExecutorService pool = Executors.newFixedThreadPool(9);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (FlatfsBatch b : batches) {
        done.add(pool.submit(() -> {
          b.commit();
          return null;
        }));
      }
      for (Future<?> f : done) {
        f.get();
      }
    } finally {
      pool.shutdown();
    }
    assertArrayEquals(b("foo"), fs.get(k("/QUUX")));
    for (int i = 0; i < 9; i++) {
      assertArrayEquals(b("bar" + i), fs.get(k("/Q" + i + "X")));
    }
  }

  @ParameterizedTest
  @MethodSource(SHARDS)
  void writesGoToTempUntilCommit(ShardId fn) throws Exception {
    FlatfsDatastore fs = open(fn);
    FlatfsBatch b = fs.batch();
    List<String> keys = List.of("/QUUX", "/QAAX", "/QBBX");
    for (String key : keys) {
      b.put(k(key), b("foobar"));
    }
    assertTrue(b.has(k("/QUUX")));
    for (String key : keys) {
      assertFalse(fs.has(k(key)));
    }
    for (String p : tree(DS)) {
      if (p.endsWith(".data")) {
        assertTrue(p.startsWith(".temp/batch-"), p);
      }
    }
    b.commit();
    for (String key : keys) {
      assertTrue(fs.has(k(key)));
    }
    assertEquals(java.util.Set.of(), tree(DS + "/.temp").stream().filter(p -> p.startsWith("batch-")).collect(java.util.stream.Collectors.toSet()));
  }

  @ParameterizedTest
  @MethodSource(SHARDS)
  void readOperations(ShardId fn) throws Exception {
    FlatfsDatastore fs = open(fn);
    fs.put(k("/INITIAL"), b("initial data"));
    FlatfsBatch b = fs.batch();
    b.put(k("/BATCH"), b("batch data"));
    b.put(k("/INITIAL"), b("overwritten data"));
    fs.put(k("/TODELETE"), b("to delete"));
    b.delete(k("/TODELETE"));

    assertArrayEquals(b("batch data"), b.get(k("/BATCH")));
    assertArrayEquals(b("overwritten data"), b.get(k("/INITIAL")));
    assertThrows(NotFoundException.class, () -> b.get(k("/TODELETE")));
    assertTrue(b.has(k("/BATCH")));
    assertTrue(b.has(k("/INITIAL")));
    assertFalse(b.has(k("/TODELETE")));
    assertEquals(10, b.getSize(k("/BATCH")));
    assertThrows(NotFoundException.class, () -> b.getSize(k("/TODELETE")));
    assertArrayEquals(b("initial data"), fs.get(k("/INITIAL")));

    b.commit();
    assertArrayEquals(b("batch data"), fs.get(k("/BATCH")));
    assertArrayEquals(b("overwritten data"), fs.get(k("/INITIAL")));
    assertFalse(fs.has(k("/TODELETE")));
  }

  @ParameterizedTest
  @MethodSource(SHARDS)
  void discard(ShardId fn) throws Exception {
    FlatfsDatastore fs = open(fn);
    FlatfsBatch b = fs.batch();
    for (String key : List.of("/QUUX", "/QAAX", "/QBBX")) {
      b.put(k(key), b("x"));
    }
    b.discard();
    for (String key : List.of("/QUUX", "/QAAX", "/QBBX")) {
      assertFalse(fs.has(k(key)));
    }
    assertTrue(tree(DS + "/.temp").stream().noneMatch(p -> p.startsWith("batch-")));
  }

  /** Go's TestBatchPutDeleteSameKey: first writer wins inside a batch. */
  @Test
  void putDeleteSameKey() throws Exception {
    FlatfsDatastore fs = open(ShardId.prefix(2));
    for (String key : List.of("/KEYA", "/KEYB", "/KEYX", "/KEYY")) {
      fs.put(k(key), b("old"));
    }
    FlatfsBatch b = fs.batch();
    b.delete(k("/KEYA"));
    b.put(k("/KEYA"), b("new"));
    b.put(k("/KEYB"), b("new"));
    b.delete(k("/KEYB"));
    b.put(k("/KEYX"), b("x1"));
    b.delete(k("/KEYX"));
    b.put(k("/KEYX"), b("x2"));
    b.put(k("/KEYY"), b("y1"));
    b.delete(k("/KEYY"));
    b.put(k("/KEYY"), b("y2"));
    b.delete(k("/KEYY"));
    b.commit();
    assertArrayEquals(b("new"), fs.get(k("/KEYA")));
    assertFalse(fs.has(k("/KEYB")));
    assertArrayEquals(b("x1"), fs.get(k("/KEYX")));
    assertFalse(fs.has(k("/KEYY")));
  }

  @ParameterizedTest
  @MethodSource(SHARDS)
  void batchQueryMergesStagedAndStored(ShardId fn) throws Exception {
    FlatfsDatastore fs = open(fn);
    for (String key : List.of("EXISTING1", "EXISTING2", "EXISTING3")) {
      fs.put(k("/" + key), b("main:" + key));
    }
    FlatfsBatch b = fs.batch();
    b.put(k("/BATCH1"), b("batch:BATCH1"));
    b.put(k("/BATCH2"), b("batch:BATCH2"));
    b.delete(k("/EXISTING2"));
    b.put(k("/EXISTING3"), b("updated:EXISTING3"));
    Map<String, String> want = new TreeMap<>(Map.of(
        "/BATCH1", "batch:BATCH1", "/BATCH2", "batch:BATCH2",
        "/EXISTING1", "main:EXISTING1", "/EXISTING3", "updated:EXISTING3"));
    assertEquals(want, asMap(b.query(Query.all()).rest()));
    List<Entry> keys = b.query(Query.builder().keysOnly(true).build()).rest();
    assertEquals(4, keys.size());
    keys.forEach(e -> assertNull(e.value()));
    List<Entry> sizes = b.query(Query.builder().keysOnly(true).returnsSizes(true).build()).rest();
    assertEquals(4, sizes.size());
    sizes.forEach(e -> assertTrue(e.size() > 0 && e.value() == null));
    assertEquals(0, b.query(Query.builder().prefix("/BATCH1").build()).rest().size());
    b.commit();
    assertEquals(want, asMap(fs.query(Query.all()).rest()));
  }

  private static Map<String, String> asMap(List<Entry> entries) {
    Map<String, String> m = new TreeMap<>();
    entries.forEach(e -> m.put(e.key(), new String(e.value(), UTF_8)));
    return m;
  }

  /** Go's TestConcurrentDuplicateBatchWrites. */
  @Test
  void concurrentDuplicateWrites() throws Exception {
    FlatfsDatastore fs = open(ShardId.suffix(2));
    byte[] value = b("testdata".repeat(256));
    List<FlatfsBatch> batches = new ArrayList<>();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      for (int bi = 0; bi < 4; bi++) {
        FlatfsBatch b = fs.batch();
        batches.add(b);
        List<Future<?>> writers = new ArrayList<>();
        for (int w = 0; w < 8; w++) {
          writers.add(pool.submit(() -> {
            for (int i = 0; i < 500; i++) {
              b.put(k(String.format("/Q%03d", i)), value);
            }
            return null;
          }));
        }
        for (Future<?> f : writers) {
          f.get(1, TimeUnit.MINUTES);
        }
      }
      for (FlatfsBatch b : batches) {
        assertTrue(b.has(k("/Q000"))); // waits for the staged writes
      }
      assertFalse(fs.has(k("/Q000")));
      assertEquals(2000, tree(DS + "/.temp").stream().filter(p -> p.endsWith(".data")).count());
      List<Future<?>> commits = new ArrayList<>();
      for (FlatfsBatch b : batches) {
        commits.add(pool.submit(() -> {
          b.commit();
          return null;
        }));
      }
      for (Future<?> f : commits) {
        f.get(1, TimeUnit.MINUTES);
      }
    } finally {
      pool.shutdown();
    }
    for (int i = 0; i < 500; i++) {
      assertArrayEquals(value, fs.get(k(String.format("/Q%03d", i))));
    }
  }

  @ParameterizedTest
  @MethodSource(SHARDS)
  void invalidKeysInABatch(ShardId fn) throws Exception {
    FlatfsDatastore fs = open(fn);
    FlatfsBatch b = fs.batch();
    InvalidKeyException e = assertThrows(InvalidKeyException.class, () -> b.put(k("/foo"), b("x")));
    assertEquals("when putting '\"/foo\"': key not supported by flatfs", e.getMessage());
    b.delete(k("/foo"));
    b.commit();
  }

  /** Go's TestNoCluster: next-to-last/1 over 3200 random CIQ… keys spreads evenly over 32 dirs. */
  @Test
  void noCluster() throws Exception {
    FlatfsDatastore fs = open(ShardId.nextToLast(1));
    java.util.Random r = new java.util.Random(0);
    for (int bi = 0; bi < 32; bi++) {
      FlatfsBatch b = fs.batch();
      for (int i = 0; i < 100; i++) {
        byte[] block = new byte[1000];
        r.nextBytes(block);
        b.put(k("/CIQ" + Base32.encodeNoPad(java.util.Arrays.copyOf(block, 10))), block);
      }
      b.commit();
    }
    fs.close();
    Map<String, Integer> perDir = new TreeMap<>();
    for (String p : tree(DS)) {
      int slash = p.indexOf('/');
      if (p.endsWith(".data") && !p.startsWith(".temp")) {
        perDir.merge(p.substring(0, slash), 1, Integer::sum);
      }
    }
    assertEquals(32, perDir.size(), perDir.toString());
    perDir.forEach((d, n) -> assertTrue(Math.abs(n - 100) <= 25, d + "=" + n));
  }

  /** Go's TestQueryLeak: 200 opened-then-closed queries leak no handles. */
  @Test
  void queriesDoNotLeak() throws Exception {
    FlatfsDatastore fs = open(ShardId.prefix(2));
    FlatfsBatch b = fs.batch();
    for (int i = 0; i < 1000; i++) {
      b.put(k("/" + i), b("v" + i));
    }
    b.commit();
    long before = openHandles();
    for (int i = 0; i < 200; i++) {
      var res = fs.query(Query.builder().keysOnly(true).build());
      res.next();
      res.close();
    }
    assertTrue(openHandles() - before <= 10, "handles grew from " + before + " to " + openHandles());
  }

  private static long openHandles() throws Exception {
    java.io.File fd = new java.io.File("/proc/self/fd");
    String[] names = fd.list();
    return names == null ? 0 : names.length;
  }
}
