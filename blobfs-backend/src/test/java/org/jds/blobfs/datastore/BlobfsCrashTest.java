package org.jds.blobfs.datastore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.jds.blobfs.tools.Fsck;
import org.jds.datastore.Key;
import org.jds.datastore.query.Entry;
import org.jds.datastore.query.Query;
import org.jds.flatfs.RootDatastore;
import org.jds.flatfs.ShardId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGKILL a child JVM doing concurrent synced puts and deletes on one image, 30 times, each time
 * once it has acknowledged a random number of puts (an event, not a time, so a loaded machine
 * only makes the test slower). After each
 * kill: the dirty image has no inconsistency but the clean flag (and what load repairs: a
 * replace cut in half, pending deletes); every acknowledged put reads back intact unless its
 * delete had started; every acknowledged delete stays deleted; every value present is intact; and
 * after a clean unload fsck finds nothing.
 */
class BlobfsCrashTest {
  private static final int CYCLES = 30;
  /** Each child is killed once it has acknowledged between 1 and this many puts: never after a time. */
  private static final int MAX_ACKS_BEFORE_KILL = 60;
  @TempDir Path dir;

  @Test
  void acknowledgedWritesSurviveSigkill() throws Exception {
    Path img = dir.resolve("crash.img");
    BlobfsImage.create(img, 512L << 20, Geometry.DEFAULT, true).close();
    DatastoreImages.open(img, ShardId.DEFAULT, true).close();
    Map<String, Long> present = new HashMap<>();
    Set<String> deleted = new HashSet<>();
    Set<String> deleting = new HashSet<>();
    Random rnd = new Random();
    int acks = 0;
    int wanted = 0;
    for (int cycle = 0; cycle < CYCLES; cycle++) {
      int n = 1 + rnd.nextInt(MAX_ACKS_BEFORE_KILL);
      wanted += n;
      List<String> lines = runAndKill(img, cycle, n);
      for (String l : lines) {
        String[] f = l.split(" ");
        switch (f[0]) {
          case "P" -> {
            present.put(f[1], Long.parseLong(f[2]));
            acks++;
          }
          case "D-" -> deleting.add(f[1]);
          case "D" -> {
            present.remove(f[1]);
            deleting.remove(f[1]);
            deleted.add(f[1]);
          }
          default -> { }
        }
      }
      verify(img, cycle, present, deleted, deleting);
      // A delete cut short may or may not have happened; it was recorded, so forget the key.
      for (String k : deleting) {
        present.remove(k);
      }
      deleting.clear();
    }
    assertTrue(acks >= wanted, "the children acknowledged " + acks + " puts, fewer than the " + wanted + " waited for");
  }

  private static void verify(Path img, int cycle, Map<String, Long> present, Set<String> deleted, Set<String> deleting)
      throws Exception {
    for (String finding : Fsck.check(img)) {
      assertTrue(finding.contains("clean=0") || finding.contains("also used by blob") || finding.contains("delete pending"),
          "cycle " + cycle + ", dirty image: " + finding);
    }
    try (RootDatastore<BlobfsStorage> ds = DatastoreImages.open(img, null, false)) {
      for (Map.Entry<String, Long> e : present.entrySet()) {
        if (deleting.contains(e.getKey())) {
          continue;
        }
        assertTrue(ds.has(Key.of(e.getKey())), "cycle " + cycle + ": acknowledged put lost: " + e.getKey());
        assertEquals(e.getValue(), CrashChild.seedOf(ds.get(Key.of(e.getKey()))), "cycle " + cycle + ": " + e.getKey());
      }
      for (String k : deleted) {
        assertFalse(ds.has(Key.of(k)), "cycle " + cycle + ": deleted key came back: " + k);
      }
      for (Entry e : ds.query(Query.builder().keysOnly(false).build()).rest()) {
        assertTrue(CrashChild.seedOf(e.value()) >= 0, "cycle " + cycle + ": torn value under " + e.key());
      }
    }
    assertEquals(List.of(), Fsck.check(img), "cycle " + cycle + " after a clean unload");
  }

  /** Runs a child until it has acknowledged {@code acks} puts, then SIGKILLs it; returns its log. */
  private static List<String> runAndKill(Path img, int cycle, int acks) throws Exception {
    String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
    String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    Path log = img.resolveSibling("cycle-" + cycle + ".log");
    Process p = new ProcessBuilder(java, "-Xshare:auto", "-XX:TieredStopAtLevel=1", "-cp", cp,
            CrashChild.class.getName(), img.toString(), String.valueOf(cycle), log.toString())
        .redirectError(ProcessBuilder.Redirect.INHERIT)
        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
        .start();
    // Polls the log for the event (the child's acks); the only time limit catches a hung child.
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
    while (!(Files.exists(log) && Files.readAllLines(log).stream().filter(l -> l.startsWith("P ")).count() >= acks)) {
      assertTrue(p.isAlive(), "cycle " + cycle + ": the child died before " + acks + " acknowledged puts");
      assertTrue(System.nanoTime() < deadline, "cycle " + cycle + ": the child hung before " + acks + " acknowledged puts");
      Thread.sleep(2);
    }
    p.destroyForcibly(); // SIGKILL on POSIX, while the child goes on putting and deleting
    assertTrue(p.waitFor(10, TimeUnit.SECONDS));
    List<String> lines = new ArrayList<>(Files.readAllLines(log));
    // The log's last line may lack its newline only if the kill hit between two writes; each
    // record is one write, so every line is whole.
    lines.remove("READY");
    return lines;
  }
}
