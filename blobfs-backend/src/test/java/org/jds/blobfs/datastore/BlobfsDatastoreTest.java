package org.jds.blobfs.datastore;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.jds.blobfs.device.FileBlockDevice;
import org.jds.blobfs.fs.BlobfsFileStat;
import org.jds.blobfs.fs.PureBlobFileSystem;
import org.jds.blobfs.tools.Fsck;
import org.jds.datastore.ClosedException;
import org.jds.datastore.Key;
import org.jds.datastore.query.Query;
import org.jds.datastore.query.Result;
import org.jds.datastore.query.Results;
import org.jds.flatfs.FlatfsOptions;
import org.jds.flatfs.RootDatastore;
import org.jds.flatfs.ShardId;
import org.jds.flatfs.storage.DirectoryListing;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** blobfs:IMG as a datastore: the flat layout, reopen, in-memory queries, exact disk usage. */
class BlobfsDatastoreTest {
  @TempDir Path dir;

  private RootDatastore<BlobfsStorage> fresh(ShardId fn) throws Exception {
    BlobfsStorage s = BlobfsImage.create(dir.resolve("img"), 64L << 20, Geometry.DEFAULT, false);
    return RootDatastore.on(s, fn, FlatfsOptions.defaults(false));
  }

  private static List<String> children(BlobfsStorage s, String d) throws Exception {
    List<String> out = new ArrayList<>();
    try (DirectoryListing l = s.list(d)) {
      for (String n = l.next(); n != null; n = l.next()) {
        out.add(n);
      }
    }
    return out;
  }

  @Test
  void keysAreFlatNamesAndTheTreeIsRebuiltOnReopen() throws Exception {
    try (RootDatastore<BlobfsStorage> ds = fresh(ShardId.DEFAULT)) {
      ds.put(Key.of("/QUUX"), "foobar".getBytes(UTF_8));
      ds.put(Key.of("/AB"), "x".getBytes(UTF_8));
      TreeSet<String> names = new TreeSet<>(ds.storage().fileSystem().list());
      assertTrue(names.containsAll(List.of("/SHARDING", "/_README", "/QUUX.data", "/AB.data", "/.temp%2F")), names::toString);
      assertTrue(names.stream().filter(n -> n.endsWith(".data")).allMatch(n -> n.lastIndexOf('/') == 0), names::toString);
    }
    try (RootDatastore<BlobfsStorage> ds = DatastoreImages.open(dir.resolve("img"), null, false)) {
      assertArrayEquals("foobar".getBytes(UTF_8), ds.get(Key.of("/QUUX")));
      BlobfsStorage s = ds.storage();
      assertEquals(List.of("UU", "_A"), children(s, "").stream().filter(n -> !n.contains(".") && !n.equals("SHARDING") && !n.equals("_README")).toList());
      assertEquals(List.of("QUUX.data"), children(s, "UU"));
      assertEquals("/repo/flatfs/shard/v1/next-to-last/2\n", new String(s.readAll("SHARDING"), UTF_8));
      assertEquals(ShardId.DEFAULT, ds.flatfs().shardId());
    }
    assertEquals(List.of(), Fsck.check(dir.resolve("img")));
  }

  @Test
  void queryAllReadsNoDeviceForKeysOnly() throws Exception {
    try (RootDatastore<BlobfsStorage> ds = fresh(ShardId.prefix(2))) {
      for (int i = 0; i < 300; i++) {
        ds.put(Key.of("/K" + i), new byte[] {(byte) i});
      }
    }
    CountingDevice dev = new CountingDevice(FileBlockDevice.open(dir.resolve("img"), false, BlobfsImage.BLOCK_SIZE));
    BlobfsStorage s = BlobfsImage.open(dev, "img", false);
    try (RootDatastore<BlobfsStorage> ds = RootDatastore.on(s, null, FlatfsOptions.defaults(false))) {
      long before = dev.reads.get();
      int n = 0;
      try (Results r = ds.query(Query.builder().keysOnly(true).returnsSizes(true).build())) {
        for (Result res : r) {
          assertTrue(!res.isError());
          n++;
        }
      }
      assertEquals(300, n);
      assertEquals(before, dev.reads.get(), "a keys-only query must not read the device");
    }
  }

  @Test
  void diskUsageIsTheExactAllocation() throws Exception {
    Path img = dir.resolve("img");
    long du;
    try (RootDatastore<BlobfsStorage> ds = fresh(ShardId.DEFAULT)) {
      for (int i = 0; i < 50; i++) {
        ds.put(Key.of("/V" + i), new byte[i * 1000]);
      }
      ds.delete(Key.of("/V7"));
      assertTrue(ds.diskUsage() > 0);
      ds.flatfs().close(); // writes the final diskUsage.cache; no checkpoint thread from here on
      assertThrows(ClosedException.class, ds::diskUsage);
      du = ds.storage().allocatedBytes();
    }
    // Independently: every file is a blob of max(1, ceil(len/4096)) clusters and one md page
    // (inline EXTENT_RLE: at most 13 clusters here, so one run at worst 13 runs, which fit).
    try (BlobfsStorage s = BlobfsImage.open(img, false)) {
      long expected = 0;
      for (Map.Entry<String, BlobfsFileStat> e : ((PureBlobFileSystem) s.fileSystem()).statAll().entrySet()) {
        long clusters = Math.max(1, (e.getValue().size() + 4095) / 4096);
        expected += clusters * 4096 + 4096;
      }
      assertEquals(expected, du);
      assertEquals(du, s.allocatedBytes());
    }
  }
}
