package org.jds.datastore.testkit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.jds.datastore.Batch;
import org.jds.datastore.Batching;
import org.jds.datastore.DatastoreException;
import org.jds.datastore.Key;

/**
 * Go's batch tests (spec §9.4). Callable directly on any {@link Batching} store; keys are base32
 * (upper case, digits, {@code =}), so flatfs can hold them.
 */
public final class BatchTests {
  private BatchTests() {}

  private static final String B32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

  /** RFC 4648 base32 with padding (Go's {@code base32.StdEncoding.EncodeToString}). */
  public static String base32(byte[] data) {
    StringBuilder sb = new StringBuilder();
    int buf = 0;
    int bits = 0;
    for (byte b : data) {
      buf = (buf << 8) | (b & 0xff);
      bits += 8;
      while (bits >= 5) {
        sb.append(B32.charAt((buf >> (bits - 5)) & 31));
        bits -= 5;
      }
      buf &= (1 << bits) - 1;
    }
    if (bits > 0) {
      sb.append(B32.charAt((buf << (5 - bits)) & 31));
    }
    while (sb.length() % 8 != 0) {
      sb.append('=');
    }
    return sb.toString();
  }

  /** The key Go derives for a block: NewKey(base32(first 8 bytes)). */
  public static Key keyFor(byte[] block) {
    return Key.of(base32(Arrays.copyOf(block, 8)));
  }

  private static List<byte[]> randomBlocks(int n, int size) {
    List<byte[]> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      byte[] b = new byte[size];
      ThreadLocalRandom.current().nextBytes(b);
      out.add(b);
    }
    return out;
  }

  /** Go's {@code RunBatchTest}: 20 blocks of 256 KiB put through a batch, invisible until commit. */
  public static void runBatchTest(Batching ds) throws DatastoreException {
    Batch batch = ds.batch();
    List<byte[]> blocks = randomBlocks(20, 256 * 1024);
    List<Key> keys = new ArrayList<>();
    for (byte[] b : blocks) {
      Key k = keyFor(b);
      keys.add(k);
      batch.put(k, b);
    }
    for (Key k : keys) {
      assertThrows(DatastoreException.class, () -> ds.get(k), "should not have found this block before commit");
    }
    batch.commit();
    for (int i = 0; i < keys.size(); i++) {
      assertArrayEquals(blocks.get(i), ds.get(keys.get(i)), "block " + keys.get(i) + " after commit");
    }
  }

  /** Go's {@code RunBatchDeleteTest}: 20 keys put directly, deleted through one batch. */
  public static void runBatchDeleteTest(Batching ds) throws DatastoreException {
    List<Key> keys = new ArrayList<>();
    for (byte[] b : randomBlocks(20, 16)) {
      Key k = keyFor(b);
      keys.add(k);
      ds.put(k, b);
    }
    Batch batch = ds.batch();
    for (Key k : keys) {
      batch.delete(k);
    }
    batch.commit();
    for (Key k : keys) {
      assertThrows(DatastoreException.class, () -> ds.get(k), "key " + k + " should have been deleted");
    }
  }

  /**
   * Go's {@code RunBatchPutAndDeleteTest}: the last operation per key wins within a batch. Stores
   * with other batch semantics (flatfs: first writer wins) opt out of this one.
   */
  public static void runBatchPutAndDeleteTest(Batching ds) throws DatastoreException {
    Batch batch = ds.batch();
    Key a = Key.of("/a");
    Key b = Key.of("/b");
    batch.put(a, new byte[] {1});
    batch.put(b, new byte[] {2});
    batch.delete(a);
    batch.delete(b);
    batch.put(b, new byte[] {3});
    batch.commit();
    DatastoreException e = assertThrows(DatastoreException.class, () -> ds.get(a));
    assertTrue(e.isNotFound(), "/a must be not-found, was " + e);
    assertArrayEquals(new byte[] {3}, ds.get(b), "/b");
  }
}
