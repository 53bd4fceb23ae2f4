package org.jds.flatfs;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jds.datastore.Key;
import org.jds.datastore.query.Query;
import org.jds.flatfs.storage.CreateMode;
import org.jds.flatfs.storage.FileAccess;
import org.jds.flatfs.storage.WritableFile;
import org.jds.flatfs.testkit.FlatfsTestBase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Go's TestDiskUsage*, and the diskUsage.cache format (§1.7, §5). */
class DiskUsageTest extends FlatfsTestBase {
  private static final String SHARDS = "org.jds.flatfs.testkit.FlatfsTestBase#shardFuncs";
  private static final byte[] TEN = "10bytes---".getBytes(UTF_8);

  private String cache() throws Exception {
    return new String(storage().readAll(DS + "/diskUsage.cache"), UTF_8);
  }

  @ParameterizedTest
  @MethodSource(SHARDS)
  void tracksPutsAndDeletesAndWritesCacheAtClose(ShardId fn) throws Exception {
    FlatfsDatastore fs = open(fn);
    Thread.sleep(100);
    long duNew = fs.diskUsage();
    assertTrue(duNew > 0);
    for (int i = 0; i < 200; i++) {
      fs.put(k("/TEST-" + i), TEN);
    }
    long duPuts = fs.diskUsage();
    assertTrue(duPuts > duNew);
    for (int i = 0; i < 200; i++) {
      fs.delete(k("/TEST-" + i));
    }
    long duDeletes = fs.diskUsage();
    assertEquals(2000, duPuts - duDeletes);
    fs.close();
    assertEquals("{\"diskUsage\":" + duDeletes + ",\"accuracy\":\"initial-exact\"}\n", cache());

    storage().delete(DS + "/diskUsage.cache");
    FlatfsDatastore again = reopen(FlatfsOptions.defaults(false));
    assertTrue(again.diskUsage() >= duNew);
    assertEquals(Accuracy.EXACT, again.accuracy());
  }

  @ParameterizedTest
  @MethodSource(SHARDS)
  void concurrentPutAndDeleteNeverDoubleCount(ShardId fn) throws Exception {
    FlatfsDatastore fs = open(fn);
    Key key = k("/TEST");
    fs.put(key, TEN);
    long afterPut = fs.diskUsage();
    fs.delete(key);
    long afterDelete = fs.diskUsage();
    assertEquals(10, afterPut - afterDelete);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<?>> fs4 = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        boolean putter = t % 2 == 0;
        fs4.add(pool.submit(() -> {
          for (int i = 0; i < 200; i++) {
            if (putter) {
              fs.put(key, TEN);
            } else {
              fs.delete(key);
            }
          }
          return null;
        }));
      }
      for (Future<?> f : fs4) {
        f.get();
      }
    } finally {
      pool.shutdown();
    }
    assertEquals(fs.has(key) ? afterPut : afterDelete, fs.diskUsage());
  }

  @ParameterizedTest
  @MethodSource(SHARDS)
  void batchCommitsCountExactly(ShardId fn) throws Exception {
    FlatfsDatastore fs = open(fn);
    FlatfsBatch b = fs.batch();
    for (int i = 0; i < 200; i++) {
      b.put(k("/TEST" + i), TEN);
    }
    b.commit();
    long du1 = fs.diskUsage();
    for (int i = 0; i < 200; i++) {
      fs.delete(k("/TEST" + i));
    }
    long du2 = fs.diskUsage();
    assertEquals(2000, du1 - du2);

    FlatfsBatch b2 = fs.batch();
    for (int i = 0; i < 200; i++) {
      b2.put(k("/TEST" + i), TEN);
    }
    Thread deleter = new Thread(() -> {
      for (int i = 0; i < 200; i++) {
        try {
          fs.delete(k("/TEST" + i));
        } catch (Exception e) {
          throw new AssertionError(e);
        }
      }
    });
    deleter.start();
    b2.commit();
    deleter.join();
    int present = fs.query(Query.builder().keysOnly(true).build()).rest().size();
    assertEquals(du2 + 10L * present, fs.diskUsage());
  }

  /** Go's TestDiskUsageEstimation, scaled from 50000 to 4000 keys (still > 100 per directory). */
  @ParameterizedTest
  @MethodSource(SHARDS)
  void estimationIsCloseAndApproximateSurvivesReopen(ShardId fn) throws Exception {
    FlatfsDatastore fs = open(fn);
    FlatfsBatch b = fs.batch();
    byte[] value = new byte[1000];
    for (int i = 0; i < 4000; i++) {
      b.put(k("/" + i + "-TEST-" + i), value);
    }
    b.commit();
    fs.close();
    storage().delete(DS + "/diskUsage.cache");

    FlatfsDatastore full = reopen(FlatfsOptions.defaults(false).withDiskUsageFilesAverage(-1));
    long fullDu = full.diskUsage();
    full.close();
    storage().delete(DS + "/diskUsage.cache");

    FlatfsDatastore est = reopen(FlatfsOptions.defaults(false).withDiskUsageFilesAverage(100));
    long estDu = est.diskUsage();
    assertTrue(Math.abs(estDu - fullDu) <= fullDu * 0.05, estDu + " vs " + fullDu);
    assertEquals(Accuracy.APPROXIMATE, est.accuracy());
    est.close();
    assertEquals(Accuracy.APPROXIMATE, reopen(FlatfsOptions.defaults(false)).accuracy());
  }

  @Test
  void timedOutWalkIsReported() throws Exception {
    FlatfsDatastore fs = open(ShardId.prefix(2));
    fs.put(k("/ABC"), TEN);
    fs.close();
    storage().delete(DS + "/diskUsage.cache");
    FlatfsDatastore again = reopen(FlatfsOptions.defaults(false).withDiskUsageCalcTimeout(java.time.Duration.ZERO));
    assertEquals(Accuracy.TIMED_OUT, again.accuracy());
    again.close();
    assertTrue(cache().endsWith(",\"accuracy\":\"initial-timed-out\"}\n"), cache());
  }

  @Test
  void cacheIsReadLikeGosUnmarshal() throws Exception {
    open(ShardId.prefix(2)).close();
    // case-insensitive names, unknown fields ignored, accuracy carried through unchanged
    writeCache("{\"DISKUSAGE\": 12345, \"extra\": [1, {\"a\": null}], \"Accuracy\": \"custom<&>\"}");
    FlatfsDatastore fs = reopen(FlatfsOptions.defaults(false));
    assertEquals(12345, fs.diskUsage());
    assertEquals("custom<&>", fs.accuracy());
    fs.close();
    assertEquals("{\"diskUsage\":12345,\"accuracy\":\"custom\\u003c\\u0026\\u003e\"}\n", cache());

    for (String bad : List.of("{\"diskUsage\":1.5,\"accuracy\":\"x\"}", "{\"diskUsage\":0}", "garbage", "{\"diskUsage\":\"7\"}")) {
      writeCache(bad);
      FlatfsDatastore r = reopen(FlatfsOptions.defaults(false));
      assertTrue(r.diskUsage() > 0, bad);
      assertEquals(Accuracy.EXACT, r.accuracy(), bad);
      r.close();
    }
  }

  /** Checkpoint rule: a change of more than 1% is written at once, without waiting for close. */
  @Test
  void bigChangesAreCheckpointedBeforeClose() throws Exception {
    FlatfsDatastore fs = open(ShardId.prefix(2));
    long before = fs.diskUsage();
    fs.put(k("/BIG"), new byte[(int) before]);
    long deadline = System.currentTimeMillis() + 20_000; // generous: CI machines stall
    String want = "{\"diskUsage\":" + fs.diskUsage() + ",";
    while (!cache().startsWith(want) && System.currentTimeMillis() < deadline) {
      Thread.sleep(20);
    }
    assertTrue(cache().startsWith(want), cache());
  }

  /** Checkpoint rule: a change under 1% is written by the 2 s timer, still before close. */
  @Test
  void smallChangesAreCheckpointedWithinTwoSeconds() throws Exception {
    FlatfsDatastore fs = open(ShardId.prefix(2));
    fs.put(k("/BIG"), new byte[1 << 20]);
    Thread.sleep(100);
    fs.put(k("/BIG2"), new byte[10]);
    String want = "{\"diskUsage\":" + fs.diskUsage() + ",";
    long deadline = System.currentTimeMillis() + 20_000; // the 2 s timer, plus CI stalls
    while (!cache().startsWith(want) && System.currentTimeMillis() < deadline) {
      Thread.sleep(50);
    }
    assertTrue(cache().startsWith(want), cache());
  }

  private void writeCache(String json) throws Exception {
    try (WritableFile f = storage().create(DS + "/diskUsage.cache", CreateMode.TRUNCATE, FileAccess.DEFAULT)) {
      f.write(json.getBytes(UTF_8));
    }
  }
}
