package org.jds.flatfs.testkit;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import org.jds.datastore.Key;
import org.jds.flatfs.FlatfsDatastore;
import org.jds.flatfs.ShardId;
import org.jds.flatfs.storage.Storage;

/**
 * Child process of the crash test: does synced puts forever and prints {@code ACK <key> <seed>}
 * after each one returns, until it is killed. Values are self-checking ({@link #value}).
 *
 * <p>Usage: {@code CrashWriter <StorageFactory class> <host dir> <run id>}
 */
public final class CrashWriter {
  /** A key overwritten again and again, to check that replacement is atomic too. */
  public static final String HOT_KEY = "/HOT";

  private CrashWriter() {}

  /** 8 bytes of seed, then 1..64 KiB derived from it. */
  public static byte[] value(long seed) {
    Random r = new Random(seed);
    byte[] payload = new byte[1 + r.nextInt(64 * 1024)];
    r.nextBytes(payload);
    return ByteBuffer.allocate(8 + payload.length).putLong(seed).put(payload).array();
  }

  /** The seed of an intact value, or -1 if {@code v} is torn or foreign. */
  public static long seedOf(byte[] v) {
    if (v.length < 9) {
      return -1;
    }
    long seed = ByteBuffer.wrap(v).getLong();
    return Arrays.equals(v, value(seed)) ? seed : -1;
  }

  public static void main(String[] args) throws Exception {
    StorageFactory factory = StorageFactories.byName(args[0]);
    Storage storage = factory.open(Path.of(args[1]));
    int run = Integer.parseInt(args[2]);
    FlatfsDatastore ds = FlatfsDatastore.createOrOpen(storage, FlatfsTestBase.DS, ShardId.DEFAULT, true);
    System.out.println("READY");
    System.out.flush();
    for (int i = 0; i < 1_000_000; i++) {
      boolean hot = i % 4 == 3;
      String key = hot ? HOT_KEY : "/R" + run + "K" + i;
      long seed = run * 1_000_000L + i;
      ds.put(Key.of(key), value(seed));
      System.out.println("ACK " + key + " " + seed);
      System.out.flush();
    }
    ds.close();
  }
}
