package org.jds.flatfs;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.jds.datastore.DatastoreIOException;
import org.jds.datastore.Key;
import org.jds.flatfs.storage.LocalStorage;
import org.jds.flatfs.storage.NoSpaceException;
import org.jds.flatfs.storage.ReadOnlyStorageException;
import org.jds.flatfs.storage.StorageException;
import org.jds.flatfs.storage.TooManyOpenFilesException;
import org.jds.flatfs.testkit.FaultyStorage;
import org.jds.flatfs.testkit.FlatfsTestBase;
import org.junit.jupiter.api.Test;

/**
 * Bad input and failing storage: every failure is a checked, clear error, leaves no partial file
 * under the key and no temp file behind.
 */
class FaultTest extends FlatfsTestBase {
  private static final FlatfsOptions FAST_RETRY = FlatfsOptions.defaults(false).withRetry(6, Duration.ofMillis(1));

  private FaultyStorage faulty;

  private FlatfsDatastore openFaulty(FlatfsOptions o) throws Exception {
    faulty = new FaultyStorage(storage());
    return track(FlatfsDatastore.createOrOpen(faulty, DS, ShardId.DEFAULT, o));
  }

  /**
   * Closes the store first: its disk-usage checkpoint writes diskUsage.cache through a temp file of
   * its own, on another thread, and close waits for that writer. Close never deletes temp files, so
   * a leak of the failed operation still shows.
   */
  private void assertNoTempFiles(FlatfsDatastore fs) throws Exception {
    fs.close();
    assertTrue(tree(DS + "/.temp").stream().noneMatch(p -> p.startsWith("temp-")), tree(DS + "/.temp").toString());
  }

  @Test
  void diskFullOnPut() throws Exception {
    FlatfsDatastore fs = openFaulty(FAST_RETRY);
    // Same shard dir (next-to-last/2 = "LD"), so the failed put creates no directory.
    fs.put(k("/OLD1"), "old value".getBytes(UTF_8));
    long du = fs.diskUsage();
    faulty.inject(FaultyStorage.diskFullAfter(1000));
    DatastoreIOException e = assertThrows(DatastoreIOException.class, () -> fs.put(k("/NLD2"), new byte[5000]));
    assertInstanceOf(NoSpaceException.class, e.getCause());
    assertTrue(e.getMessage().contains("no space left on device"), e.getMessage());
    assertThrows(DatastoreIOException.class, () -> fs.put(k("/OLD1"), new byte[5000]));
    faulty.heal();
    assertFalse(fs.has(k("/NLD2")));
    assertArrayEquals("old value".getBytes(UTF_8), fs.get(k("/OLD1")));
    assertEquals(du, fs.diskUsage());
    assertNoTempFiles(fs);
  }

  @Test
  void diskFullInABatchSurfacesAtCommit() throws Exception {
    FlatfsDatastore fs = openFaulty(FAST_RETRY);
    FlatfsBatch b = fs.batch();
    faulty.inject(FaultyStorage.diskFullAfter(1000));
    b.put(k("/BIG"), new byte[5000]);
    FlatfsException e = assertThrows(FlatfsException.class, b::commit);
    assertTrue(e.getMessage().startsWith("failed to write to temp file: "), e.getMessage());
    assertThrows(FlatfsException.class, () -> b.put(k("/MORE"), new byte[1]));
    faulty.heal();
    assertFalse(fs.has(k("/BIG")));
    assertTrue(tree(DS + "/.temp").stream().noneMatch(p -> p.endsWith(".data")));
    b.discard();
    assertTrue(tree(DS + "/.temp").stream().noneMatch(p -> p.startsWith("batch-")), tree(DS + "/.temp").toString());
  }

  @Test
  void readOnlyStorage() throws Exception {
    FlatfsDatastore fs = openFaulty(FAST_RETRY);
    fs.put(k("/KEPT"), "v".getBytes(UTF_8));
    faulty.inject(FaultyStorage.readOnly());
    DatastoreIOException e = assertThrows(DatastoreIOException.class, () -> fs.put(k("/NEW"), new byte[10]));
    assertInstanceOf(ReadOnlyStorageException.class, e.getCause());
    assertThrows(DatastoreIOException.class, () -> fs.delete(k("/KEPT")));
    assertArrayEquals("v".getBytes(UTF_8), fs.get(k("/KEPT")));
    assertTrue(fs.has(k("/KEPT")));
    FlatfsException batch = assertThrows(FlatfsException.class, fs::batch);
    assertTrue(batch.getMessage().startsWith("failed to create batch temp directory: "), batch.getMessage());
    fs.close(); // the final checkpoint fails quietly (logged), as in Go
    FlatfsException open = assertThrows(FlatfsException.class, () -> FlatfsDatastore.open(faulty, DS, false));
    assertEquals(FlatfsException.Reason.TEMP_DIR, open.reason());
    assertTrue(open.getMessage().startsWith("failed to lock temporary directory: "), open.getMessage());
    faulty.heal();
    FlatfsDatastore reopened = track(FlatfsDatastore.open(faulty, DS, false));
    assertFalse(reopened.has(k("/NEW")));
    assertArrayEquals("v".getBytes(UTF_8), reopened.get(k("/KEPT")));
  }

  @Test
  void failedSyncLeavesNothing() throws Exception {
    FlatfsDatastore fs = openFaulty(FAST_RETRY.withSync(true));
    faulty.inject((op, path, bytes) -> {
      if (op.equals("sync")) {
        throw new StorageException(op, path, "input/output error", null);
      }
    });
    DatastoreIOException e = assertThrows(DatastoreIOException.class, () -> fs.put(k("/KEY"), new byte[10]));
    assertTrue(e.getMessage().contains("input/output error"), e.getMessage());
    faulty.heal();
    assertFalse(fs.has(k("/KEY")));
    assertNoTempFiles(fs);
  }

  @Test
  void renameIsRetriedThenReported() throws Exception {
    FlatfsDatastore fs = openFaulty(FAST_RETRY);
    AtomicInteger attempts = new AtomicInteger();
    faulty.inject((op, path, bytes) -> {
      if (op.equals("renameTo") && path.endsWith("KEY.data")) {
        attempts.incrementAndGet();
        throw new StorageException(op, path, "device or resource busy", null);
      }
    });
    assertThrows(DatastoreIOException.class, () -> fs.put(k("/KEY"), new byte[10]));
    assertEquals(6, attempts.get());
    faulty.heal();
    assertFalse(fs.has(k("/KEY")));
    assertNoTempFiles(fs);
  }

  @Test
  void tooManyOpenFilesIsRetried() throws Exception {
    FlatfsDatastore fs = openFaulty(FAST_RETRY);
    fs.put(k("/KEY"), "value".getBytes(UTF_8));
    AtomicInteger left = new AtomicInteger(3);
    faulty.inject((op, path, bytes) -> {
      if ((op.equals("readAll") || op.equals("createTemp")) && left.getAndDecrement() > 0) {
        throw new TooManyOpenFilesException(op, path, null);
      }
    });
    assertArrayEquals("value".getBytes(UTF_8), fs.get(k("/KEY")));
    left.set(3);
    fs.put(k("/KEY2"), "value2".getBytes(UTF_8));
    assertArrayEquals("value2".getBytes(UTF_8), fs.get(k("/KEY2")));
    left.set(100);
    assertThrows(DatastoreIOException.class, () -> fs.get(k("/KEY")));
  }

  /** 250 chars + ".data" is the usual 255-byte name limit (see the factory); one more must fail cleanly. */
  @Test
  void keysAtTheNameLengthLimit() throws Exception {
    FlatfsDatastore fs = open(ShardId.DEFAULT);
    int max = org.jds.flatfs.testkit.StorageFactories.current().maxKeyLength(DS);
    Key longest = k("/" + "A".repeat(max));
    fs.put(longest, "ok".getBytes(UTF_8));
    assertArrayEquals("ok".getBytes(UTF_8), fs.get(longest));
    assertEquals(1, fs.query(org.jds.datastore.query.Query.all()).rest().size());

    Key tooLong = k("/" + "B".repeat(max + 1));
    try {
      fs.put(tooLong, "x".getBytes(UTF_8));
      assertFalse(storage() instanceof LocalStorage, "a 256-byte name cannot exist on a local file system");
      assertArrayEquals("x".getBytes(UTF_8), fs.get(tooLong));
    } catch (DatastoreIOException e) {
      assertTrue(e.getMessage().toLowerCase().contains("name too long"), e.getMessage());
      // As in Go, lookups of such a name report the OS error rather than "absent".
      DatastoreIOException get = assertThrows(DatastoreIOException.class, () -> fs.get(tooLong));
      assertTrue(get.getMessage().toLowerCase().contains("name too long"), get.getMessage());
      assertThrows(DatastoreIOException.class, () -> fs.has(tooLong));
    }
    assertNoTempFiles(fs);
  }

  @Test
  void allErrorsAreChecked() throws Exception {
    FlatfsDatastore fs = openFaulty(FAST_RETRY);
    faulty.inject((op, path, bytes) -> {
      throw new StorageException(op, path, "broken", null);
    });
    for (String key : Set.of("/A", "/B")) {
      assertThrows(DatastoreIOException.class, () -> fs.get(k(key)));
      assertThrows(DatastoreIOException.class, () -> fs.has(k(key)));
      assertThrows(DatastoreIOException.class, () -> fs.getSize(k(key)));
      assertThrows(DatastoreIOException.class, () -> fs.put(k(key), new byte[1]));
    }
    var res = fs.query(org.jds.datastore.query.Query.all());
    var first = res.next();
    assertTrue(first.isError());
    assertTrue(first.error().getMessage().startsWith("walk failed: "), first.error().getMessage());
    faulty.heal();
  }
}
