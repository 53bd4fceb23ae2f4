package org.jds.blobfs.datastore;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.jds.blobfs.device.BarrierPolicy;
import org.jds.blobfs.device.LossyBlockDevice;
import org.jds.flatfs.storage.CreateMode;
import org.jds.flatfs.storage.FileAccess;
import org.jds.flatfs.storage.WritableFile;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * How many engine barriers and device flushes each public operation issues, under each {@link
 * BarrierPolicy}. The operations are flatfs's, as the Storage calls its WritePath and FlatfsBatch
 * make (flatfs's own disk-usage checkpoint thread would add flushes at times of its choosing, so
 * the datastore is not used directly). "Barriers" counts what the engine asked for; "flushes"
 * counts fdatasyncs that reached the device.
 */
class FlushCountTest {
  private record Counts(long barriers, long flushes) {}

  private interface Op {
    void run() throws Exception;
  }

  private static Counts measure(BlobfsStorage s, LossyBlockDevice d, Op op) throws Exception {
    long b = s.barrierCount();
    long f = d.flushes();
    op.run();
    return new Counts(s.barrierCount() - b, d.flushes() - f);
  }

  /** flatfs's put: temp file, (sync), close, rename into place, (sync the directory). */
  private static void put(BlobfsStorage s, String dir, String name, byte[] v, boolean sync) throws Exception {
    WritableFile t = s.createTemp("", "temp-");
    t.write(v);
    if (sync) {
      t.sync();
    }
    t.close();
    s.rename(t.path(), dir + "/" + name);
    if (sync) {
      s.syncDirectory(dir);
    }
  }

  @ParameterizedTest
  @EnumSource(BarrierPolicy.class)
  void eachOperationIssuesItsBarriersAndFlushes(BarrierPolicy policy) throws Exception {
    boolean safe = policy == BarrierPolicy.POWER_LOSS_SAFE;
    LossyBlockDevice d = MemoryImages.format(new LossyBlockDevice(16 << 20, BlobfsImage.BLOCK_SIZE));
    BlobfsStorage s = BlobfsImage.open(d, "mem", true, policy);
    assertEquals(policy, s.barrierPolicy());
    s.mkdir("AB");
    put(s, "AB", "WARM.data", new byte[10], true); // the first write after load marks the image dirty
    List<String> seen = new ArrayList<>();

    // put, sync off: closing the temp file commits its length (data | length | later writes), two
    // barriers; no flush unless the policy makes barriers flushes
    Counts put = measure(s, d, () -> put(s, "AB", "K1.data", new byte[100], false));
    seen.add("put " + put);
    assertEquals(new Counts(2, safe ? 2 : 0), put, "put " + seen);

    // put, sync on: the file's sync (data | length, then a flush) and the directory sync (the
    // rename's md write): two flushes, plus one per barrier when barriers are flushes
    Counts putSync = measure(s, d, () -> put(s, "AB", "K2.data", new byte[100], true));
    seen.add("put+sync " + putSync);
    assertEquals(new Counts(1, safe ? 3 : 2), putSync, "put with sync " + seen);

    // replace (put over an existing key, sync on): as put with sync, plus the flush of the commit
    // before the old target is deleted, and that delete's barrier (its root page before its release)
    Counts replace = measure(s, d, () -> put(s, "AB", "K2.data", new byte[200], true));
    seen.add("replace " + replace);
    assertEquals(new Counts(2, safe ? 5 : 3), replace, "replace " + seen);

    // delete (not synced, as in flatfs): the root page zeroed, a barrier, then the release
    Counts delete = measure(s, d, () -> s.delete("AB/K1.data"));
    seen.add("delete " + delete);
    assertEquals(new Counts(1, safe ? 1 : 0), delete, "delete " + seen);

    // batch commit of three staged, synced files: renames into place, then the directory syncs:
    // one flush for the renames, the root's sync finds nothing new, the staging dir's removal (a
    // delete of its marker file) is not synced, as in flatfs
    s.mkdir("batch");
    for (int i = 0; i < 3; i++) {
      WritableFile f = s.create("batch/B" + i + ".data", CreateMode.TRUNCATE, FileAccess.DEFAULT);
      f.write(new byte[] {(byte) i});
      f.sync();
      f.close();
    }
    Counts batch = measure(s, d, () -> {
      for (int i = 0; i < 3; i++) {
        s.rename("batch/B" + i + ".data", "AB/B" + i + ".data");
      }
      s.syncDirectory("AB");
      s.syncDirectory("");
      s.delete("batch");
    });
    seen.add("batch " + batch);
    assertEquals(new Counts(1, safe ? 2 : 1), batch, "batch commit " + seen);

    // close: a clean unload, always power-loss safe: masks flushed, then the clean super flushed
    Counts close = measure(s, d, s::close);
    seen.add("close " + close);
    assertEquals(new Counts(0, 2), close, "close " + seen);
  }
}
