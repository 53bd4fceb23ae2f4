package org.jds.node.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.jds.datastore.DatastoreException;
import org.jds.node.multiformats.Cid;
import org.jds.node.repo.Repo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code StorageGCWatermark} with {@code GCPeriod}: the daemon collects by itself once the repo passes the mark. */
class GcWatermarkTest {
  @TempDir Path dir;

  @Test
  void periodicGcRunsOverTheWatermark() throws Exception {
    Path repo = dir.resolve("repo");
    TestNode.init(repo);
    // 1% of the 256 MiB StorageMax: passed once a few MiB of blocks are stored.
    Repo.editConfig(repo, c -> {
      c.set("Datastore.StorageGCWatermark", IntNode.valueOf(1));
      c.set("Datastore.GCPeriod", TextNode.valueOf("50ms"));
    });
    try (Daemon d = Daemon.start(repo, true, "0.1.0-test")) {
      Node node = d.node();
      List<Cid> unpinned = new ArrayList<>();
      Random rnd = new Random(5);
      byte[] keep = "keep me".getBytes(StandardCharsets.US_ASCII);
      Cid keepCid = TestDags.raw(keep).cid();
      node.put(keepCid, keep, true);
      long threshold = node.repo().config().storageMax() / 100;
      // Stores until the repo is over the mark; the scheduler may already collect meanwhile.
      while (node.repoSize() < threshold + (1 << 20)) {
        byte[] b = new byte[256 << 10];
        rnd.nextBytes(b);
        Cid c = TestDags.raw(b).cid();
        node.put(c, b, false);
        unpinned.add(c);
      }
      // Wait for the event (a completed run that found the unpinned blocks), not for a time.
      long deadline = System.nanoTime() + 120_000_000_000L;
      while (unpinned.stream().anyMatch(c -> has(node, c)) && System.nanoTime() < deadline) Thread.sleep(20);
      assertTrue(node.gcRuns() >= 1, "GC ran");
      for (Cid c : unpinned) assertTrue(!has(node, c), "collected " + c);
      assertEquals(keep.length, node.blocks().get(keepCid).length);
    }
  }

  private static boolean has(Node n, Cid c) {
    try {
      return n.blocks().has(c);
    } catch (DatastoreException e) {
      throw new AssertionError(e);
    }
  }
}
