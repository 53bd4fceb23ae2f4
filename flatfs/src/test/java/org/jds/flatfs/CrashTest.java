package org.jds.flatfs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.jds.datastore.Key;
import org.jds.datastore.query.Entry;
import org.jds.datastore.query.Query;
import org.jds.flatfs.testkit.CrashWriter;
import org.jds.flatfs.testkit.FlatfsTestBase;
import org.jds.flatfs.testkit.StorageFactories;
import org.junit.jupiter.api.Test;

/**
 * A child JVM does synced puts and is killed with SIGKILL once it has acknowledged a random number
 * of puts (an event, not a time: a loaded machine only makes it slower), 20 times. After each
 * kill the store is reopened: every acknowledged put must read back intact, every value present
 * must be intact (no torn files), and the overwritten hot key must hold its last acknowledged value
 * or the one being written.
 */
class CrashTest extends FlatfsTestBase {
  private static final int RUNS = 20;
  /** Each child is killed once it has acknowledged between 1 and this many puts: never after a time. */
  private static final int MAX_ACKS_BEFORE_KILL = 40;

  @Test
  void acknowledgedPutsSurviveSigkill() throws Exception {
    Random rnd = new Random();
    Map<String, Long> acked = new HashMap<>();
    int wanted = 0;
    int ackLines = 0;
    for (int run = 0; run < RUNS; run++) {
      Process p = new ProcessBuilder(javaBin(), "-Xshare:auto", "-XX:TieredStopAtLevel=1", "-cp", classPath(),
              CrashWriter.class.getName(), StorageFactories.current().getClass().getName(),
              hostDir.resolve("storage").toString(), String.valueOf(run))
          .redirectError(ProcessBuilder.Redirect.INHERIT)
          .start();
      List<String> lines = new ArrayList<>();
      Thread reader = new Thread(() -> {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
          for (String l = r.readLine(); l != null; l = r.readLine()) {
            synchronized (lines) {
              lines.add(l);
            }
          }
        } catch (Exception e) {
          // the pipe breaks when the child dies
        }
      });
      reader.start();
      int acks = 1 + rnd.nextInt(MAX_ACKS_BEFORE_KILL);
      wanted += acks;
      waitForAcks(lines, acks, p);
      p.destroyForcibly(); // SIGKILL on POSIX, while the child goes on putting
      assertTrue(p.waitFor(10, TimeUnit.SECONDS));
      reader.join();
      long hotBefore = acked.getOrDefault(CrashWriter.HOT_KEY, -1L);
      synchronized (lines) {
        for (String l : lines) {
          if (l.startsWith("ACK ")) {
            ackLines++;
            String[] f = l.split(" ");
            acked.put(f[1], Long.parseLong(f[2]));
          }
        }
      }
      verify(acked, hotBefore, run);
    }
    assertTrue(ackLines >= wanted, "the children acknowledged " + ackLines + " puts, fewer than the " + wanted + " waited for");
  }

  private void verify(Map<String, Long> acked, long hotBefore, int run) throws Exception {
    // A fresh storage per check: the child changed the files behind any open (stateful) backend.
    try (org.jds.flatfs.storage.Storage s = StorageFactories.current().open(hostDir.resolve("storage"));
        FlatfsDatastore fs = FlatfsDatastore.open(s, DS, false)) {
      for (Map.Entry<String, Long> e : acked.entrySet()) {
        long seed = CrashWriter.seedOf(fs.get(Key.of(e.getKey())));
        if (e.getKey().equals(CrashWriter.HOT_KEY)) {
          // the last acknowledged value, or a newer one whose ACK the kill swallowed
          assertTrue(seed >= e.getValue(), "run " + run + ": hot key went back to " + seed);
        } else {
          assertEquals(e.getValue().longValue(), seed, "run " + run + ": " + e.getKey());
        }
      }
      for (Entry e : fs.query(Query.all()).rest()) {
        assertTrue(CrashWriter.seedOf(e.value()) >= 0, "run " + run + ": torn value under " + e.key());
      }
      assertTrue(hotBefore <= acked.getOrDefault(CrashWriter.HOT_KEY, -1L));
    }
  }

  /** Waits for the event (the child's acks); the only time limit catches a hung child. */
  private static void waitForAcks(List<String> lines, int acks, Process p) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
    while (System.nanoTime() < deadline && p.isAlive()) {
      synchronized (lines) {
        if (lines.stream().filter(l -> l.startsWith("ACK ")).count() >= acks) {
          return;
        }
      }
      Thread.sleep(2);
    }
    throw new AssertionError("the child did not acknowledge " + acks + " puts (alive=" + p.isAlive() + ")");
  }

  private static String javaBin() {
    return System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
  }

  /** Surefire runs tests from a manifest-only jar; the real path is in this property. */
  private static String classPath() {
    return System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
  }
}
