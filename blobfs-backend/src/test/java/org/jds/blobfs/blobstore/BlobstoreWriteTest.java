package org.jds.blobfs.blobstore;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.jds.blobfs.BusyException;
import org.jds.blobfs.Fixtures;
import org.jds.blobfs.BlobfsNoSpaceException;
import org.jds.blobfs.BlobfsNotFoundException;
import org.jds.blobfs.ReadOnlyException;
import org.jds.blobfs.device.FileBlockDevice;
import org.jds.blobfs.fs.BlobFile;
import org.jds.blobfs.fs.BlobFileSystem;
import org.jds.blobfs.fs.PureBlobFileSystem;
import org.jds.blobfs.tools.Fsck;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BlobstoreWriteTest {
  @TempDir Path tmp;

  Blobstore init(Path img, long size, int cluster) throws IOException {
    return Blobstore.init(FileBlockDevice.create(img, size, 512), new BsOptions().clusterSize(cluster).bstype("T").numMdPages(cluster == 4096 ? 1024 : -1));
  }

  static Blobstore load(Path img) throws IOException {
    return Blobstore.load(FileBlockDevice.open(img, false, 512), null);
  }

  static byte[] bytes(int n, int seed) {
    byte[] b = new byte[n];
    new Random(seed).nextBytes(b);
    return b;
  }

  @Test
  void blobfsFileRootPageIsByteExactToSpdk() throws IOException {
    Path img = tmp.resolve("alpha.img");
    try (PureBlobFileSystem fs = PureBlobFileSystem.mkfs(FileBlockDevice.create(img, 64 << 20, 512), 1 << 20)) {
      try (BlobFile f = fs.openFile("alpha", BlobFileSystem.OPEN_CREATE)) {
        f.write(0, "hello, world!".getBytes(), 0, 13);
      }
      SuperBlock sb = fs.blobstore().superBlock();
      assertEquals(4, sb.mdStart);
      assertEquals(64, sb.mdLen);
    }
    byte[] img0 = Files.readAllBytes(img);
    String root = HexFormat.of().formatHex(img0, 4 * 4096, 4 * 4096 + 0x6c);
    String expect = "0000000001000000" + "00000000" + "00000000"
        + "03" + "18000000" + "0400000000000000" + "0000000000000000" + "0000000000000000"
        + "02" + "0e000000" + "0400" + "0600" + "6e616d65" + "616c70686100"
        + "02" + "12000000" + "0600" + "0800" + "6c656e677468" + "0d00000000000000"
        + "05" + "10000000" + "0100000000000000" + "01000000" + "01000000";
    assertEquals(expect, root);
    assertEquals("ffffffff", HexFormat.of().formatHex(img0, 4 * 4096 + 4088, 4 * 4096 + 4092));
    assertEquals("0000000001000000000000000000000006080000000000000001000000",
        HexFormat.of().formatHex(img0, 5 * 4096, 5 * 4096 + 29));
    // clean unload: masks as in the spec's example (pages 0-1, clusters 0-1, blob at page 0)
    assertEquals("0040000000" + "03", HexFormat.of().formatHex(img0, 4096, 4096 + 6));
    assertEquals("0140000000" + "03", HexFormat.of().formatHex(img0, 2 * 4096, 2 * 4096 + 6));
    assertEquals("0240000000" + "01", HexFormat.of().formatHex(img0, 3 * 4096, 3 * 4096 + 6));
    assertEquals(1, img0[16]); // clean
    assertEquals("hello, world!", new String(img0, 1 << 20, 13));
  }

  @Test
  void xattrChainAcrossPagesIsCopyOnWriteAndSurvivesReload() throws IOException {
    Path img = tmp.resolve("x.img");
    long id;
    try (Blobstore bs = init(img, 32 << 20, 65536)) {
      try (Blob b = bs.createBlob(new BlobOptions().numClusters(3))) {
        id = b.id();
        for (int i = 0; i < 19; i++) b.setXattr(String.format("x%02d", i), bytes(1000, i));
        b.setXattr("empty", new byte[0]);
        b.setXattr("big", bytes(4072 - 9 - 3, 99)); // exactly fills a page
        assertThrows(BlobfsNoSpaceException.class, () -> b.setXattr("big2", bytes(4072 - 9 - 3, 1)));
        b.setInternalXattr("INT", new byte[] {7});
        b.write(65536, bytes(65536, 5), 0, 65536);
      }
      BlobInfo i = bs.info(id);
      assertTrue(i.chainPages.length >= 6, java.util.Arrays.toString(i.chainPages));
      assertEquals(0x6, i.invalidFlags);
    }
    int[] firstChain;
    try (Blobstore bs = load(img)) {
      BlobInfo i = bs.info(id);
      firstChain = i.chainPages;
      assertEquals(21, i.xattrs.size());
      assertArrayEquals(bytes(1000, 7), i.xattrs.get("x07"));
      assertArrayEquals(new byte[0], i.xattrs.get("empty"));
      assertArrayEquals(new byte[] {7}, i.internalXattrs.get("INT"));
      try (Blob b = bs.openBlob(id)) {
        b.setXattr("x00", "short".getBytes());
        b.removeXattr("x05");
        b.removeInternalXattr("INT");
        byte[] got = new byte[65536];
        b.read(65536, got, 0, got.length);
        assertArrayEquals(bytes(65536, 5), got);
        assertEquals(List.of("x00", "x01"), b.xattrNames().subList(0, 2));
      }
    }
    try (Blobstore bs = load(img)) {
      BlobInfo i = bs.info(id);
      assertEquals(0x4, i.invalidFlags);
      assertArrayEquals("short".getBytes(), i.xattrs.get("x00"));
      assertFalse(i.xattrs.containsKey("x05"));
      assertEquals(firstChain[0], i.chainPages[0]); // root rewritten in place
      // copy-on-write: the new non-root chain pages were allocated while the old ones were in use
      for (int k = 1; k < i.chainPages.length; k++) {
        for (int old = 1; old < firstChain.length; old++) {
          assertTrue(i.chainPages[k] != firstChain[old], "chain page " + i.chainPages[k] + " reused in place");
        }
      }
      // superseded chain pages were zeroed: every non-zero md page belongs to the blob
      for (int p = 0; p < bs.mdLen(); p++) {
        byte[] page = bs.readMdPage(p);
        boolean zero = true;
        for (byte x : page) zero &= x == 0;
        assertEquals(!zero, bs.usedPageMask().get(p), "md page " + p);
      }
    }
    assertEquals(List.of(), Fsck.check(img));
  }

  @Test
  void thinExtentTableBlobAllocatesOnWriteAndReadsHolesAsZeros() throws IOException {
    Path img = tmp.resolve("thin.img");
    long id;
    try (Blobstore bs = init(img, 64 << 20, 4096)) {
      try (Blob b = bs.createBlob(new BlobOptions().numClusters(1600).thin(true))) {
        id = b.id();
        assertEquals(0, b.numAllocatedClusters());
        b.write(1535L * 4096, bytes(100, 1), 0, 100);
        b.write(3L * 4096 + 4000, bytes(200, 2), 0, 200); // crosses into cluster 4
        assertEquals(3, b.numAllocatedClusters());
      }
      BlobInfo i = bs.info(id);
      assertEquals(0x5, i.invalidFlags);
      assertTrue(i.extentPages[2] != 0 && i.extentPages[0] != 0 && i.extentPages[1] == 0);
      assertTrue(i.extentPages[2] < i.extentPages[0], "EPs in write order");
    }
    try (Blobstore bs = load(img); Blob b = bs.openBlob(id)) {
      assertTrue(b.isThin());
      assertEquals(1600, b.numClusters());
      assertEquals(3, b.numAllocatedClusters());
      byte[] got = new byte[300];
      b.read(1535L * 4096, got, 0, 100);
      assertArrayEquals(bytes(100, 1), java.util.Arrays.copyOf(got, 100));
      b.read(3L * 4096 + 4000, got, 0, 200);
      assertArrayEquals(bytes(200, 2), java.util.Arrays.copyOf(got, 200));
      byte[] hole = new byte[4096];
      b.read(3L * 4096, hole, 0, 4000);
      for (int k = 0; k < 4000; k++) assertEquals(0, hole[k]);
      b.read(1000L * 4096, hole, 0, 4096);
      for (byte x : hole) assertEquals(0, x);
    }
    assertEquals(List.of(), Fsck.check(img));
  }

  @Test
  void extentTableSpanningSeveralChainPages() throws IOException {
    Path img = tmp.resolve("bigthin.img");
    long id;
    try (Blobstore bs = init(img, 64 << 20, 4096)) {
      try (Blob b = bs.createBlob(new BlobOptions().numClusters(520_000).thin(true))) {
        id = b.id();
        for (int k = 0; k < 508; k++) b.write((long) k * 1024 * 4096 + 7, new byte[] {(byte) k}, 0, 1);
      }
      BlobInfo i = bs.info(id);
      assertTrue(i.chainPages.length >= 2, "ET should need a second page: " + i.chainPages.length);
      assertEquals(508, i.numAllocatedClusters());
    }
    try (Blobstore bs = load(img); Blob b = bs.openBlob(id)) {
      assertEquals(520_000, b.numClusters());
      assertEquals(508, b.numAllocatedClusters());
      byte[] one = new byte[1];
      for (int k = 0; k < 508; k += 37) {
        b.read((long) k * 1024 * 4096 + 7, one, 0, 1);
        assertEquals((byte) k, one[0]);
      }
      b.read(519_999L * 4096, one, 0, 1);
      assertEquals(0, one[0]);
    }
    assertEquals(List.of(), Fsck.check(img));
  }

  @Test
  void rleBlobsThickAndThin() throws IOException {
    Path img = tmp.resolve("rle.img");
    long thick;
    long thin;
    try (Blobstore bs = init(img, 16 << 20, 65536)) {
      try (Blob a = bs.createBlob(new BlobOptions().numClusters(5).useExtentTable(false));
          Blob b = bs.createBlob(new BlobOptions().numClusters(40).useExtentTable(false).thin(true))) {
        thick = a.id();
        thin = b.id();
        a.write(0, bytes(5 * 65536, 3), 0, 5 * 65536);
        for (int c = 1; c < 40; c += 2) b.write((long) c * 65536, bytes(10, c), 0, 10);
        a.resize(8);
        a.syncMd();
      }
      assertEquals(0, bs.info(thick).invalidFlags);
      assertEquals(1, bs.info(thin).invalidFlags);
    }
    try (Blobstore bs = load(img)) {
      assertEquals(8, bs.info(thick).numClusters());
      assertEquals(20, bs.info(thin).numAllocatedClusters());
      assertFalse(bs.info(thin).extentTable);
      try (Blob a = bs.openBlob(thick)) {
        byte[] got = new byte[5 * 65536];
        a.read(0, got, 0, got.length);
        assertArrayEquals(bytes(5 * 65536, 3), got);
      }
    }
    assertEquals(List.of(), Fsck.check(img));
  }

  @Test
  void shrinkReleasesClustersAndExtentPagesAndDeleteFreesAll() throws IOException {
    Path img = tmp.resolve("shrink.img");
    try (Blobstore bs = init(img, 64 << 20, 4096)) {
      long free0 = bs.freeClusters();
      int pages0 = bs.usedPageMask().cardinality();
      long id;
      try (Blob b = bs.createBlob(new BlobOptions().numClusters(700))) {
        id = b.id();
        assertEquals(2, bs.info(id).extentPages.length);
        b.resize(300);
        b.syncMd();
        assertEquals(1, bs.info(id).extentPages.length);
      }
      assertEquals(free0 - 300, bs.freeClusters());
      assertEquals(pages0 + 2, bs.usedPageMask().cardinality());
      assertThrows(BusyException.class, () -> {
        try (Blob b = bs.openBlob(id)) {
          assertEquals(id, b.id());
          bs.deleteBlob(id);
        }
      });
      bs.deleteBlob(id);
      assertEquals(free0, bs.freeClusters());
      assertEquals(pages0, bs.usedPageMask().cardinality());
      assertThrows(BlobfsNotFoundException.class, () -> bs.openBlob(id));
      assertThrows(BlobfsNoSpaceException.class, () -> bs.createBlob(new BlobOptions().numClusters(free0 + 1)));
    }
    assertEquals(List.of(), Fsck.check(img));
  }

  @Test
  void dirtyStoreRecoversToTheSameStateAndRecoveryIsIdempotent() throws IOException {
    Path img = tmp.resolve("dirty.img");
    Blobstore bs = init(img, 32 << 20, 65536);
    long a;
    long b;
    try (Blob x = bs.createBlob(new BlobOptions().numClusters(4).xattr("k", "v".getBytes()))) {
      a = x.id();
      x.write(0, bytes(4 * 65536, 1), 0, 4 * 65536);
    }
    try (Blob y = bs.createBlob(new BlobOptions().numClusters(2).thin(true))) {
      b = y.id();
      y.write(65536, bytes(10, 2), 0, 10);
    }
    BlobInfo ia = bs.info(a);
    java.util.BitSet clusters = bs.usedClusterMask();
    java.util.BitSet pages = bs.usedPageMask();
    // no unload: the super block still says clean=0 ("crash": the descriptors and the lock go)
    bs.dev.close();
    java.util.BitSet c1;
    try (Blobstore r = Blobstore.load(FileBlockDevice.open(img, true, 512), null)) {
      assertTrue(r.recovered());
      assertEquals(clusters, r.usedClusterMask());
      assertEquals(pages, r.usedPageMask());
      assertArrayEquals(ia.clusters, r.info(a).clusters);
      assertArrayEquals("v".getBytes(), r.info(a).xattrs.get("k"));
      assertEquals(1, r.info(b).numAllocatedClusters());
      c1 = r.usedClusterMask();
    }
    // writable recovery writes the masks but keeps clean=0; a second recovery gives the same masks
    Blobstore again = load(img);
    assertEquals(c1, again.usedClusterMask());
    again.dev.close(); // no unload: the super block keeps clean=0
    try (Blobstore r = Blobstore.load(FileBlockDevice.open(img, true, 512), null)) {
      assertTrue(r.recovered());
      assertEquals(c1, r.usedClusterMask());
      assertEquals(pages, r.usedPageMask());
    }
  }

  @Test
  void writingAHoleOfASpdkCloneCopiesTheSnapshotClusterFirst() throws IOException {
    Path img = Fixtures.gunzip(Fixtures.fixture("spdk-blobstore-v25.05", "blobstore-mixed.img.gz"), tmp);
    long clone = 0x100000018L;
    byte[] before = new byte[8 * 65536];
    byte[] snap = new byte[8 * 65536];
    try (Blobstore bs = load(img)) {
      try (Blob c = bs.openBlob(clone); Blob s = bs.openBlob(0x10000001aL)) {
        assertEquals(0x10000001aL, c.parentId());
        c.read(0, before, 0, before.length);
        s.read(0, snap, 0, snap.length);
        c.write(1000, bytes(100, 4), 0, 100); // cluster 0 is a hole of the clone
        assertEquals(3, c.numAllocatedClusters());
      }
    }
    System.arraycopy(bytes(100, 4), 0, before, 1000, 100);
    try (Blobstore bs = load(img); Blob c = bs.openBlob(clone); Blob s = bs.openBlob(0x10000001aL)) {
      byte[] after = new byte[before.length];
      c.read(0, after, 0, after.length);
      assertArrayEquals(before, after);
      byte[] snapAfter = new byte[snap.length];
      s.read(0, snapAfter, 0, snapAfter.length);
      assertArrayEquals(snap, snapAfter);
      assertEquals(3, c.numAllocatedClusters());
    }
    assertEquals(List.of(), Fsck.check(img));
  }

  @Test
  void dirtySpdkFixtureRecoversWritablyAndUnloadsToAConsistentCleanImage() throws IOException {
    Path img = Fixtures.gunzip(Fixtures.fixture("spdk-blobstore-v25.05", "blobstore-mixed-dirty.img.gz"), tmp);
    List<Long> ids;
    try (Blobstore bs = load(img)) {
      ids = bs.blobIds();
      assertThrows(ReadOnlyException.class, () -> {
        try (Blob ro = bs.openBlob(0x100000014L)) {
          ro.write(0, new byte[1], 0, 1);
        }
      });
      try (Blob b = bs.openBlob(0x10000000dL)) { // thin ET, 2100 clusters
        b.write(1800L * 65536, bytes(4096, 9), 0, 4096);
      }
    }
    assertEquals(List.of(), Fsck.check(img));
    try (Blobstore bs = load(img)) {
      assertTrue(bs.wasClean());
      assertEquals(ids, bs.blobIds());
      assertEquals(9, bs.info(0x10000000dL).numAllocatedClusters());
      try (Blob b = bs.openBlob(0x10000000dL)) {
        byte[] got = new byte[4096];
        b.read(1800L * 65536, got, 0, 4096);
        assertArrayEquals(bytes(4096, 9), got);
      }
    }
  }
}
