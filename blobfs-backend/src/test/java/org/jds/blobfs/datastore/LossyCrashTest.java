package org.jds.blobfs.datastore;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.jds.blobfs.device.BarrierPolicy;
import org.jds.blobfs.device.LossyBlockDevice;
import org.jds.blobfs.device.MemoryBlockDevice;
import org.jds.datastore.DatastoreException;
import org.jds.datastore.Key;
import org.jds.flatfs.FlatfsOptions;
import org.jds.flatfs.RootDatastore;
import org.jds.flatfs.ShardId;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Power loss, not only a process crash: synced puts, overwrites and deletes on a {@link
 * LossyBlockDevice}, which loses power after a random number of writes and then keeps only what a
 * disk may keep (everything flushed, a random reordered part of the rest). What flatfs with
 * sync=true calls durable, an acknowledged put, must come back exactly, under each {@link
 * BarrierPolicy}; the image must load without damage; a key whose last operation did not return,
 * or was a delete (flatfs does not sync deletes), may hold any value it was given or be absent.
 * Under {@link BarrierPolicy#PROCESS_CRASH_SAFE} a key with a delete since its last acknowledged
 * put may also read back other bytes (that policy's documented limit); it is counted, not checked.
 */
class LossyCrashTest {
  private static final int CYCLES = 40;
  private static final int OPS = 40;
  private static final String ABSENT = "<absent>";

  @ParameterizedTest
  @EnumSource(BarrierPolicy.class)
  void acknowledgedSyncedPutsSurviveAPowerLoss(BarrierPolicy policy) throws Exception {
    Random rnd = new Random(policy.ordinal() * 1000L + 17);
    int lostSomething = 0;
    int acknowledged = 0;
    int unchecked = 0;
    for (int cycle = 0; cycle < CYCLES; cycle++) {
      LossyBlockDevice d = MemoryImages.format(new LossyBlockDevice(8 << 20, BlobfsImage.BLOCK_SIZE));
      RootDatastore<BlobfsStorage> ds = RootDatastore.on(BlobfsImage.open(d, "lossy", true, policy), ShardId.DEFAULT,
          FlatfsOptions.defaults(true));
      Map<String, Set<String>> allowed = new HashMap<>();
      Set<String> deletedSinceAck = new HashSet<>();
      List<String> keys = new ArrayList<>();
      d.dieAfter(1 + rnd.nextInt(300));
      for (int i = 0; i < OPS; i++) {
        boolean fresh = keys.isEmpty() || rnd.nextInt(3) == 0;
        String k = fresh ? "/K" + cycle + "X" + i : keys.get(rnd.nextInt(keys.size()));
        boolean delete = !fresh && rnd.nextBoolean();
        String v = delete ? ABSENT : k + "=" + i;
        Set<String> ok = allowed.computeIfAbsent(k, x -> new HashSet<>(Set.of(ABSENT)));
        ok.add(v); // possible from the moment the operation starts
        if (delete) {
          deletedSinceAck.add(k);
        }
        try {
          if (delete) {
            ds.delete(Key.of(k));
          } else {
            ds.put(Key.of(k), v.getBytes(StandardCharsets.UTF_8));
            ok.clear(); // acknowledged and synced: durable, nothing else may come back
            ok.add(v);
            deletedSinceAck.remove(k);
            acknowledged++;
          }
          if (fresh) {
            keys.add(k);
          }
        } catch (DatastoreException e) {
          assertTrue(d.dead(), "only the power loss may fail an operation: " + e);
          if (fresh) {
            keys.add(k);
          }
          break;
        }
      }
      if (d.unflushed() > 0) {
        lostSomething++;
      }
      byte[] img = d.crashImage(rnd);
      d.dieAfter(0);
      try {
        ds.close(); // stops flatfs's checkpoint thread; the device is gone, so it fails
      } catch (DatastoreException expected) {
        // the image was taken above
      }
      try (RootDatastore<BlobfsStorage> back = RootDatastore.on(
          BlobfsImage.open(new MemoryBlockDevice(img, BlobfsImage.BLOCK_SIZE, false), "after", true, policy), null,
          FlatfsOptions.defaults(true))) {
        for (String k : keys) {
          if (policy == BarrierPolicy.PROCESS_CRASH_SAFE && deletedSinceAck.contains(k)) {
            unchecked++;
            continue;
          }
          String got = back.has(Key.of(k)) ? new String(back.get(Key.of(k)), StandardCharsets.UTF_8) : ABSENT;
          assertTrue(allowed.get(k).contains(got), "cycle " + cycle + ": " + k + " is " + got + ", allowed " + allowed.get(k));
        }
      }
    }
    assertTrue(acknowledged > CYCLES, "too few acknowledged puts to prove anything: " + acknowledged);
    assertTrue(lostSomething >= 3, "too few crashes lost unflushed writes: " + lostSomething);
    if (policy == BarrierPolicy.POWER_LOSS_SAFE) {
      assertTrue(unchecked == 0, "every key is checked when barriers are flushes");
    }
  }
}
