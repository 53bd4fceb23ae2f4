package org.jds.flatfs;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.jds.datastore.DatastoreException;
import org.jds.datastore.Key;
import org.jds.flatfs.storage.CreateMode;
import org.jds.flatfs.storage.FileAccess;
import org.jds.flatfs.storage.ReadOnlyStorageException;
import org.jds.flatfs.storage.Storage;
import org.jds.flatfs.storage.WritableFile;
import org.jds.flatfs.testkit.FaultyStorage;
import org.jds.flatfs.testkit.FlatfsTestBase;
import org.junit.jupiter.api.Test;

/** Go's convert_test.go: move (reshard), restartable move, upgrade and downgrade. */
class ConvertTest extends FlatfsTestBase {
  private final List<Key> keys = new ArrayList<>();
  private final List<byte[]> blocks = new ArrayList<>();

  private void create(Storage s, String dir, ShardId fn) throws DatastoreException {
    FlatfsDatastore.create(s, dir, fn);
  }

  private void populate(Storage s, String dir) throws DatastoreException {
    try (FlatfsDatastore ds = FlatfsDatastore.open(s, dir, false)) {
      Random r = new Random();
      for (int i = 0; i < 256; i++) {
        byte[] blk = new byte[1000];
        r.nextBytes(blk);
        Key key = Key.of("X" + Base32.encode(Arrays.copyOf(blk, 8)));
        keys.add(key);
        blocks.add(blk);
        ds.put(key, blk);
      }
    }
  }

  private void checkKeys(Storage s, String dir) throws DatastoreException {
    try (FlatfsDatastore ds = FlatfsDatastore.open(s, dir, false)) {
      for (int i = 0; i < keys.size(); i++) {
        assertArrayEquals(blocks.get(i), ds.get(keys.get(i)), keys.get(i).toString());
      }
    }
  }

  @Test
  void move() throws Exception {
    Storage s = storage();
    create(s, "v1", ShardId.prefix(3));
    try (WritableFile f = s.create("v1/README_ALSO", CreateMode.EXCLUSIVE, FileAccess.DEFAULT)) {
      f.write("something".getBytes(UTF_8));
    }
    populate(s, "v1");
    create(s, "v2", ShardId.nextToLast(2));
    ByteArrayOutputStream progress = new ByteArrayOutputStream();
    Convert.move(s, "v1", "v2", new PrintStream(progress, true, UTF_8));
    s.delete("v1"); // rmdir: the old store must be empty
    assertTrue(s.exists("v2/README_ALSO"));
    checkKeys(s, "v2");
    assertTrue(s.stat("v2/" + ShardId.nextToLast(2).apply(keys.get(0).toString().substring(1))).directory());
    String out = progress.toString(UTF_8);
    assertTrue(out.startsWith("Moving Keys...\n\r10 keys so far"), out);
    assertTrue(out.endsWith("\r250 keys so far\nCleaning Up...\nAll Done.\n"), out);
  }

  /** Go's TestMoveRestart, with a fault standing in for chmod 0500 (root ignores permissions). */
  @Test
  void moveRestarts() throws Exception {
    FaultyStorage s = new FaultyStorage(storage());
    create(s, "v1", ShardId.prefix(3));
    populate(s, "v1");
    create(s, "v2", ShardId.nextToLast(5));
    String locked = "v1/" + ShardId.prefix(3).apply(keys.get(0).toString().substring(1));
    FaultyStorage.Fault unwritable = (op, path, bytes) -> {
      if (op.equals("rename") && (path.startsWith(locked + "/"))) {
        throw new ReadOnlyStorageException(op, path, "permission denied", null);
      }
    };
    s.inject(unwritable);
    assertThrows(DatastoreException.class, () -> Convert.move(s, "v1", "v2", null));
    Convert.move(s, "v2", "v1", null);
    checkKeys(s, "v1");
    s.delete("v2");

    create(s, "v2", ShardId.nextToLast(2));
    assertThrows(DatastoreException.class, () -> Convert.move(s, "v1", "v2", null));
    s.heal();
    Convert.move(s, "v1", "v2", null);
    s.delete("v1");
    checkKeys(s, "v2");
    assertTrue(s.stat("v2/" + ShardId.nextToLast(2).apply(keys.get(0).toString().substring(1))).directory());
  }

  @Test
  void moveRefusesUnknownFilesInShardDirs() throws Exception {
    Storage s = storage();
    create(s, "v1", ShardId.prefix(3));
    populate(s, "v1");
    String dir = "v1/" + ShardId.prefix(3).apply(keys.get(0).toString().substring(1));
    s.create(dir + "/.stray", CreateMode.EXCLUSIVE, FileAccess.DEFAULT).close();
    s.create(dir + "/put-legacy", CreateMode.EXCLUSIVE, FileAccess.DEFAULT).close();
    create(s, "v2", ShardId.nextToLast(2));
    FlatfsException e = assertThrows(FlatfsException.class, () -> Convert.move(s, "v1", "v2", null));
    assertEquals(FlatfsException.Reason.UNKNOWN_FILE, e.reason());
    assertTrue(e.getMessage().startsWith("unknown file in flatfs: "), e.getMessage());
    checkKeys(s, "v2");
  }

  @Test
  void moveNeedsBothStores() throws Exception {
    Storage s = storage();
    create(s, "v1", ShardId.prefix(3));
    FlatfsException e = assertThrows(FlatfsException.class, () -> Convert.move(s, "v1", "missing", null));
    assertTrue(e.getMessage().endsWith(": datastore directory does not exist"), e.getMessage());
  }

  /** Go's TestUpgradeDownload. */
  @Test
  void upgradeAndDowngrade() throws Exception {
    Storage s = storage();
    create(s, "v1", ShardId.prefix(3));
    populate(s, "v1");
    DatastoreException e = assertThrows(DatastoreException.class, () -> Convert.upgradeV0toV1(s, "v1", 3));
    assertTrue(e.getMessage().contains("file exists"), e.getMessage());
    Convert.downgradeV1toV0(s, "v1");
    assertFalse(s.exists("v1/SHARDING"));
    Convert.upgradeV0toV1(s, "v1", 3);
    assertArrayEquals("/repo/flatfs/shard/v1/prefix/3\n".getBytes(UTF_8), s.readAll("v1/SHARDING"));
    checkKeys(s, "v1");
  }

  /** Go's TestDownloadNonPrefix. */
  @Test
  void downgradeOfNonPrefixStoreFails() throws Exception {
    Storage s = storage();
    create(s, "v1", ShardId.nextToLast(2));
    FlatfsException e = assertThrows(FlatfsException.class, () -> Convert.downgradeV1toV0(s, "v1"));
    assertTrue(e.getMessage().endsWith(": can only downgrade datastore that use the 'prefix' sharding function"));
    assertTrue(s.exists("v1/SHARDING"));
  }
}
