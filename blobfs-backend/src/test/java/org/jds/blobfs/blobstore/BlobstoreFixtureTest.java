package org.jds.blobfs.blobstore;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HexFormat;
import java.util.List;
import org.jds.blobfs.Fixtures;
import org.jds.blobfs.device.FileBlockDevice;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Both SPDK-written blobstore fixtures, opened read-only, against SPDK's own manifests. */
class BlobstoreFixtureTest {
  static final String DIR = "spdk-blobstore-v25.05";
  @TempDir static Path tmp;

  @BeforeAll
  static void unpack() throws IOException {
    for (String n : List.of("blobstore-mixed", "blobstore-mixed-dirty")) {
      Fixtures.gunzip(Fixtures.fixture(DIR, n + ".img.gz"), tmp);
    }
  }

  static Blobstore open(String name) throws IOException {
    return Blobstore.load(FileBlockDevice.open(tmp.resolve(name + ".img"), true, 512), null);
  }

  static List<String[]> rows(String file) throws IOException {
    List<String[]> out = new ArrayList<>();
    for (String l : Files.readAllLines(Fixtures.fixture(DIR, file))) {
      if (!l.startsWith("#") && !l.isBlank()) out.add(l.split("\t", -1));
    }
    return out;
  }

  @ParameterizedTest
  @ValueSource(strings = {"blobstore-mixed", "blobstore-mixed-dirty"})
  void everyBlobMatchesTheManifest(String name) throws Exception {
    try (Blobstore bs = open(name)) {
      String header = Files.readAllLines(Fixtures.fixture(DIR, name + ".manifest.tsv")).get(0);
      assertTrue(header.contains(String.format("super_blob=0x%x", bs.superBlob())), header);
      assertTrue(header.contains("bstype=" + bs.bstype() + " "), header);
      assertEquals(65536, bs.clusterSize());
      assertEquals(512, bs.ioUnitSize());
      List<String[]> rows = rows(name + ".manifest.tsv");
      List<Long> expectIds = new ArrayList<>();
      for (String[] r : rows) expectIds.add(Long.decode(r[0]));
      assertEquals(expectIds, bs.blobIds());
      for (String[] r : rows) {
        try (Blob b = bs.openBlob(Long.decode(r[0]))) {
          assertEquals(Long.parseLong(r[1]), b.numClusters(), r[0]);
          assertEquals(Long.parseLong(r[2]), b.numAllocatedClusters(), r[0]);
          assertEquals(r[3].equals("1"), b.isThin(), r[0]);
          assertEquals(r[4].equals("1"), b.isReadOnly(), r[0]);
          assertEquals(r[5], String.join(",", b.xattrNames()), r[0]);
          MessageDigest md = MessageDigest.getInstance("SHA-256");
          byte[] buf = new byte[1 << 20];
          for (long off = 0; off < b.size(); off += buf.length) {
            int n = (int) Math.min(buf.length, b.size() - off);
            b.read(off, buf, 0, n);
            md.update(buf, 0, n);
          }
          assertEquals(r[6], HexFormat.of().formatHex(md.digest()), r[0]);
        }
      }
      for (String[] x : rows(name + ".xattrs.tsv")) {
        try (Blob b = bs.openBlob(Long.decode(x[0]))) {
          assertEquals(x[2], HexFormat.of().formatHex(b.getXattr(x[1])), x[0] + " " + x[1]);
        }
      }
      String free = Files.readAllLines(Fixtures.fixture(DIR, name + ".blobinfo.tsv")).get(0);
      assertTrue(free.contains("free_clusters=" + bs.freeClusters() + " "), free + " vs " + bs.freeClusters());
      assertTrue(free.contains("total_data_clusters=" + bs.totalDataClusters()), free);
      assertTrue(bs.skippedBlobs().isEmpty(), bs.skippedBlobs().toString());
    }
  }

  @Test
  void fsckFindsNothingInTheCleanImageAndOnlyTheDirtyFlagInTheOther() throws IOException {
    assertEquals(List.of(), org.jds.blobfs.tools.Fsck.check(tmp.resolve("blobstore-mixed.img")));
    List<String> dirty = org.jds.blobfs.tools.Fsck.check(tmp.resolve("blobstore-mixed-dirty.img"));
    assertEquals(1, dirty.size(), dirty.toString());
    assertTrue(dirty.get(0).contains("clean=0"));
    java.io.StringWriter sw = new java.io.StringWriter();
    org.jds.blobfs.tools.Dump.dump(tmp.resolve("blobstore-mixed.img"), new java.io.PrintWriter(sw));
    assertTrue(sw.toString().contains("Blob ID: 0x100000018"), sw.toString());
    assertTrue(sw.toString().contains("Parent snapshot: 0x10000001a"));
    assertTrue(sw.toString().contains("Blobstore Type: JDSTEST"));
  }

  @Test
  void cleanImageMasksEqualARecoveryScan() throws IOException {
    try (Blobstore fromMasks = open("blobstore-mixed");
        Blobstore scanned = Blobstore.load(FileBlockDevice.open(tmp.resolve("blobstore-mixed.img"), true, 512), null, true)) {
      assertTrue(fromMasks.wasClean());
      assertFalse(fromMasks.recovered());
      assertTrue(scanned.recovered());
      assertEquals(fromMasks.usedPageMask(), scanned.usedPageMask());
      assertEquals(fromMasks.usedBlobIdMask(), scanned.usedBlobIdMask());
      assertEquals(fromMasks.usedClusterMask(), scanned.usedClusterMask());
    }
  }

  @Test
  void dirtyImageRecoveryRebuildsSpdksMasks() throws IOException {
    try (Blobstore bs = open("blobstore-mixed-dirty")) {
      assertFalse(bs.wasClean());
      assertTrue(bs.recovered());
      BitSet pages = new BitSet();
      pages.set(0, 32); // README: pages 0-31 live after phase 2
      assertEquals(pages, bs.usedPageMask());
      BitSet ids = new BitSet();
      for (String[] r : rows("blobstore-mixed-dirty.manifest.tsv")) ids.set((int) (Long.decode(r[0]) & 0xffffffffL));
      assertEquals(ids, bs.usedBlobIdMask());
      assertFalse(bs.usedBlobIdMask().get(28));
      // the same chains SPDK replayed: its "Recover: blob" notices in order, and 565 RLE cluster notices
      List<String> notices = Files.readAllLines(Fixtures.fixture(DIR, "blobstore-mixed-dirty.load-notices.txt"));
      List<String> blobs = new ArrayList<>();
      for (String l : notices) if (l.contains("Recover: blob ")) blobs.add(l.substring(l.indexOf("Recover: blob ") + 14).trim());
      List<String> mine = new ArrayList<>();
      for (int p : bs.recovery.recoveredRoots.toArray()) mine.add(String.format("0x%x", p));
      assertEquals(blobs, mine);
      assertTrue(notices.stream().anyMatch(l -> l.equals("# 'Recover: cluster' lines: " + bs.recovery.rleClusterNotices)), "" + bs.recovery.rleClusterNotices);
      assertTrue(bs.usedBlobIdMask().get(30));
      // Stale clusters 2252..2262 of the deleted victim-p2 are free again.
      for (int c = 2252; c <= 2262; c++) assertFalse(bs.usedClusterMask().get(c), "cluster " + c);
      // Every used cluster is either metadata or owned by exactly one blob.
      BitSet owned = new BitSet();
      owned.set(0, (int) (bs.totalClusters() - bs.totalDataClusters()));
      for (long id : bs.blobIds()) {
        for (int c : bs.info(id).clusters) {
          if (c == 0) continue;
          assertFalse(owned.get(c), "cluster " + c + " owned twice");
          owned.set(c);
        }
      }
      assertEquals(owned, bs.usedClusterMask());
    }
  }

  @Test
  void cloneReadsHolesFromItsSnapshotAndSnapshotFlags() throws IOException {
    try (Blobstore bs = open("blobstore-mixed")) {
      BlobInfo clone = bs.info(0x100000018L);
      assertEquals(0x10000001aL, clone.parentId);
      assertArrayEquals(new byte[] {0x1a, 0, 0, 0, 1, 0, 0, 0}, clone.internalXattrs.get("SNAP"));
      assertEquals(0x7, clone.invalidFlags);
      BlobInfo rle = bs.info(0x100000007L);
      assertFalse(rle.extentTable);
      assertEquals(2, rle.mdRoFlags);
      assertEquals(6, bs.info(0x100000000L).chainPages.length);
      assertArrayEquals(new int[] {0, 31, 32, 33, 34, 35}, bs.info(0x100000000L).chainPages);
      assertArrayEquals(new int[] {17, 0, 16, 0}, bs.info(0x10000000dL).extentPages);
    }
  }
}
