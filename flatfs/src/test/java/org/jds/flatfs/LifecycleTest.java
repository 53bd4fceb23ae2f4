package org.jds.flatfs;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.MessageDigest;
import java.util.HexFormat;
import org.jds.flatfs.storage.CreateMode;
import org.jds.flatfs.storage.FileAccess;
import org.jds.flatfs.storage.WritableFile;
import org.jds.flatfs.testkit.FlatfsTestBase;
import org.junit.jupiter.api.Test;

/** Create / Open / CreateOrOpen and their sentinel errors (TestSHARDINGFile, TestNonDatastoreDir, §1.8). */
class LifecycleTest extends FlatfsTestBase {
  @Test
  void shardingFileHasGosExactBytes() throws Exception {
    FlatfsDatastore.create(storage(), DS, ShardId.DEFAULT);
    byte[] sharding = storage().readAll(DS + "/SHARDING");
    assertEquals(37, sharding.length);
    assertEquals("70fb6665a8db5fcc035e93750fe34b5a001a69bbde676ebcf64665c4a5876d58",
        HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(sharding)));
    assertTrue(storage().exists(DS + "/_README"));
    FlatfsDatastore.create(storage(), "p2", ShardId.prefix(2));
    assertArrayEquals("/repo/flatfs/shard/v1/prefix/2\n".getBytes(UTF_8), storage().readAll("p2/SHARDING"));
    assertFalse(storage().exists("p2/_README"));
  }

  /** Go's TestSHARDINGFile. */
  @Test
  void createOpenAndMismatch() throws Exception {
    FlatfsDatastore.create(storage(), DS, ShardId.DEFAULT);
    FlatfsDatastore fs = track(FlatfsDatastore.open(storage(), DS, false));
    assertEquals("/repo/flatfs/shard/v1/next-to-last/2", fs.shardStr());
    fs.close();
    track(FlatfsDatastore.createOrOpen(storage(), DS, ShardId.DEFAULT, false)).close();
    FlatfsException e = assertThrows(FlatfsException.class, () -> FlatfsDatastore.createOrOpen(storage(), DS, ShardId.prefix(5), false));
    assertEquals("specified shard func '/repo/flatfs/shard/v1/prefix/5' does not match repo shard func "
        + "'/repo/flatfs/shard/v1/next-to-last/2'", e.getMessage());
    FlatfsException exists = assertThrows(FlatfsException.class, () -> FlatfsDatastore.create(storage(), DS, ShardId.DEFAULT));
    assertEquals(FlatfsException.Reason.DATASTORE_EXISTS, exists.reason());
    assertEquals("datastore already exists", exists.getMessage());
  }

  /** Go's TestNonDatastoreDir, and Open on a non-store leaves .temp behind as Go does. */
  @Test
  void directoryThatIsNotADatastore() throws Exception {
    storage().mkdir(DS);
    storage().create(DS + "/afile", CreateMode.EXCLUSIVE, FileAccess.DEFAULT).close();
    FlatfsException e = assertThrows(FlatfsException.class, () -> FlatfsDatastore.create(storage(), DS, ShardId.nextToLast(2)));
    assertEquals(FlatfsException.Reason.NOT_A_DATASTORE, e.reason());
    assertTrue(e.getMessage().startsWith("directory missing SHARDING file: "), e.getMessage());
    FlatfsException open = assertThrows(FlatfsException.class, () -> FlatfsDatastore.open(storage(), DS, false));
    assertEquals(FlatfsException.Reason.SHARDING_FILE_MISSING, open.reason());
    assertEquals("SHARDING file not found in datastore", open.getMessage());
    assertTrue(storage().stat(DS + "/.temp").directory());
  }

  @Test
  void openOfMissingDirectory() throws Exception {
    FlatfsException e = assertThrows(FlatfsException.class, () -> FlatfsDatastore.open(storage(), "nope", false));
    assertEquals(FlatfsException.Reason.DATASTORE_DOES_NOT_EXIST, e.reason());
    assertEquals("datastore directory does not exist", e.getMessage());
  }

  @Test
  void garbageShardingIsAClearError() throws Exception {
    storage().mkdir(DS);
    try (WritableFile f = storage().create(DS + "/SHARDING", CreateMode.EXCLUSIVE, FileAccess.DEFAULT)) {
      f.write(new byte[] {(byte) 0xff, 0, 'x', '\n'});
    }
    FlatfsException e = assertThrows(FlatfsException.class, () -> FlatfsDatastore.open(storage(), DS, false));
    assertEquals(FlatfsException.Reason.BAD_SHARD_ID, e.reason());
    assertTrue(e.getMessage().startsWith("invalid or no prefix in shard identifier: "), e.getMessage());
    assertThrows(FlatfsException.class, () -> FlatfsDatastore.create(storage(), DS, ShardId.DEFAULT));
  }

  @Test
  void openWipesTempDir() throws Exception {
    FlatfsDatastore fs = open(ShardId.prefix(2));
    storage().create(DS + "/.temp/temp-1", CreateMode.EXCLUSIVE, FileAccess.DEFAULT).close();
    storage().mkdir(DS + "/.temp/batch-1-2");
    fs.close();
    reopen(FlatfsOptions.defaults(false));
    assertEquals(java.util.Set.of(), tree(DS + "/.temp"));
  }
}
