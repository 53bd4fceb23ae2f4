package org.jds.flatfs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.jds.flatfs.testkit.FaultyStorage;
import org.jds.flatfs.testkit.FlatfsTestBase;
import org.junit.jupiter.api.Test;

/** With sync on, the storage calls come in Go's durable order (§3.1, §3.7). */
class DurabilityOrderTest extends FlatfsTestBase {
  private final List<String> calls = new ArrayList<>();

  /** Records the calls made by the test thread (not the checkpoint thread or batch writers). */
  private FlatfsDatastore openRecording(boolean sync) throws Exception {
    FaultyStorage s = new FaultyStorage(storage());
    FlatfsDatastore fs = track(FlatfsDatastore.createOrOpen(s, DS, ShardId.DEFAULT, sync));
    Thread me = Thread.currentThread();
    s.inject((op, path, bytes) -> {
      if (Thread.currentThread() == me && !op.equals("stat") && !op.equals("renameTo")) {
        synchronized (calls) {
          calls.add(op + " " + path.replaceAll("temp-[0-9]+", "temp-N"));
        }
      }
    });
    return fs;
  }

  @Test
  void putWithSync() throws Exception {
    FlatfsDatastore fs = openRecording(true);
    fs.put(k("/QUUX"), new byte[] {1});
    assertEquals(List.of(
        "mkdir ds/UU",
        "syncDirectory ds",
        "createTemp ds/.temp",
        "write ds/.temp/temp-N",
        "sync ds/.temp/temp-N",
        "rename ds/.temp/temp-N",
        "syncDirectory ds/UU"), calls);
  }

  @Test
  void putWithoutSyncNeverSyncs() throws Exception {
    FlatfsDatastore fs = openRecording(false);
    fs.put(k("/QUUX"), new byte[] {1});
    fs.delete(k("/QUUX"));
    synchronized (calls) {
      assertEquals(List.of(), calls.stream().filter(x -> x.startsWith("sync")).toList());
    }
  }

  @Test
  void batchCommitWithSyncSyncsShardDirsThenRoot() throws Exception {
    FlatfsDatastore fs = openRecording(true);
    FlatfsBatch b = fs.batch();
    b.put(k("/QUUX"), new byte[] {1});
    b.put(k("/QAAX"), new byte[] {2});
    b.commit();
    List<String> syncs;
    synchronized (calls) {
      syncs = calls.stream().filter(x -> x.startsWith("syncDirectory")).toList();
    }
    assertEquals(List.of("syncDirectory ds/UU", "syncDirectory ds/AA", "syncDirectory ds"), syncs);
  }
}
