package org.jds.blobfs.datastore;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jds.blobfs.blobstore.Blobstore;
import org.jds.blobfs.blobstore.BsOptions;
import org.jds.blobfs.device.FileBlockDevice;
import org.jds.blobfs.fs.PureBlobFileSystem;
import org.jds.blobfs.tools.Fsck;
import org.jds.datastore.DatastoreException;
import org.jds.datastore.DatastoreIOException;
import org.jds.datastore.Key;
import org.jds.flatfs.FlatfsException;
import org.jds.flatfs.FlatfsOptions;
import org.jds.flatfs.RootDatastore;
import org.jds.flatfs.ShardId;
import org.jds.flatfs.storage.NoSpaceException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Images that are not (yet) datastores, and a full image. */
class BlobfsBadInputTest {
  @TempDir Path dir;

  @Test
  void anotherBstypeIsRefused() throws Exception {
    Path img = dir.resolve("lvs.img");
    try (Blobstore bs = Blobstore.init(FileBlockDevice.create(img, 8L << 20, 512), new BsOptions().clusterSize(4096).numMdPages(256).bstype("LVOLSTORE"))) {
      bs.unload();
    }
    DatastoreIOException e = assertThrows(DatastoreIOException.class, () -> DatastoreImages.open(img, null, false));
    assertTrue(e.getMessage().contains("LVOLSTORE"), e.getMessage());
  }

  @Test
  void notAnImageIsRefused() throws Exception {
    Path img = dir.resolve("zeros.img");
    Files.write(img, new byte[1 << 20]);
    assertThrows(DatastoreIOException.class, () -> DatastoreImages.open(img, null, false));
    assertThrows(DatastoreIOException.class, () -> DatastoreImages.open(dir.resolve("missing.img"), null, false));
  }

  @Test
  void filesWithoutShardingAreNotADatastore() throws Exception {
    Path img = dir.resolve("files.img");
    try (PureBlobFileSystem fs = PureBlobFileSystem.mkfs(FileBlockDevice.create(img, 8L << 20, 512), new BsOptions().clusterSize(4096).numMdPages(256))) {
      fs.createFile("/hello.txt");
    }
    FlatfsException e = assertThrows(FlatfsException.class, () -> DatastoreImages.open(img, null, false));
    assertEquals(FlatfsException.Reason.NOT_A_DATASTORE, e.reason());
    assertEquals("directory missing SHARDING file: blobfs:" + img, e.getMessage());
    // A name without the leading '/' (no flatfs path maps to it) counts as content too.
    Path other = dir.resolve("foreign.img");
    try (PureBlobFileSystem fs = PureBlobFileSystem.mkfs(FileBlockDevice.create(other, 8L << 20, 512), new BsOptions().clusterSize(4096).numMdPages(256))) {
      fs.createFile("000012.sst");
    }
    FlatfsException f = assertThrows(FlatfsException.class, () -> DatastoreImages.open(other, null, false));
    assertEquals(FlatfsException.Reason.NOT_A_DATASTORE, f.reason());
    try (PureBlobFileSystem fs = PureBlobFileSystem.load(FileBlockDevice.open(other, true, 512))) {
      assertEquals(java.util.List.of("000012.sst"), fs.list(), "a refused open leaves the image as it was");
    }
  }

  @Test
  void aDifferentShardingIsFlatfsMismatchError() throws Exception {
    Path img = dir.resolve("p.img");
    BlobfsImage.create(img, 8L << 20, Geometry.DEFAULT, false).close();
    DatastoreImages.open(img, ShardId.prefix(2), false).close();
    DatastoreImages.open(img, null, false).close(); // no --shard: the image's own function
    FlatfsException e = assertThrows(FlatfsException.class, () -> DatastoreImages.open(img, ShardId.DEFAULT, false));
    assertEquals("specified shard func '/repo/flatfs/shard/v1/next-to-last/2' does not match repo shard func "
        + "'/repo/flatfs/shard/v1/prefix/2'", e.getMessage());
  }

  @Test
  void aFullImageGivesNoSpaceAndLosesNothing() throws Exception {
    Path img = dir.resolve("small.img");
    BlobfsStorage s = BlobfsImage.create(img, 2L << 20, Geometry.DEFAULT, false);
    Map<Key, byte[]> stored = new LinkedHashMap<>();
    DatastoreException full = null;
    try (RootDatastore<BlobfsStorage> ds = RootDatastore.on(s, ShardId.DEFAULT, FlatfsOptions.defaults(true))) {
      for (int i = 0; i < 1000 && full == null; i++) {
        byte[] v = new byte[40_000];
        v[0] = (byte) i;
        Key k = Key.of("/FULL" + i);
        try {
          ds.put(k, v);
          stored.put(k, v);
        } catch (DatastoreException e) {
          full = e;
        }
      }
      assertInstanceOf(DatastoreIOException.class, full);
      assertInstanceOf(NoSpaceException.class, full.getCause());
      assertTrue(full.getMessage().contains("no space left on device"), full.getMessage());
      assertTrue(stored.size() > 10);
      for (Map.Entry<Key, byte[]> e : stored.entrySet()) {
        assertArrayEquals(e.getValue(), ds.get(e.getKey()));
      }
    }
    try (RootDatastore<BlobfsStorage> ds = DatastoreImages.open(img, null, false)) {
      for (Map.Entry<Key, byte[]> e : stored.entrySet()) {
        assertArrayEquals(e.getValue(), ds.get(e.getKey()));
      }
      ds.delete(stored.keySet().iterator().next());
      ds.put(Key.of("/AFTERFULL"), new byte[100]); // space freed by a delete is usable again
    }
    assertEquals(java.util.List.of(), Fsck.check(img));
  }
}
