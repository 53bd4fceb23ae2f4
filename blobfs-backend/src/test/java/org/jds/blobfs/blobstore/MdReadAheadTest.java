package org.jds.blobfs.blobstore;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.BitSet;
import java.util.Random;
import org.jds.blobfs.device.FileBlockDevice;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The load read-ahead returns exactly the device's md pages, whatever the access order and mask. */
class MdReadAheadTest {
  @TempDir Path tmp;

  @Test
  void returnsTheDevicePagesInAnyOrder() throws IOException {
    Path img = tmp.resolve("ra.img");
    try (Blobstore bs = Blobstore.init(FileBlockDevice.create(img, 16 << 20, 512),
        new BsOptions().clusterSize(4096).numMdPages(300))) {
      for (int i = 0; i < 90; i++) {
        try (Blob b = bs.createBlob(new BlobOptions().numClusters(1 + i % 3).xattr("k", new byte[] {(byte) i}))) {
          if (i % 4 == 0) { // two md pages or more: chain pages
            b.setXattr("big1", new byte[3000 + i]);
            b.setXattr("big2", new byte[3000 + i]);
          }
          b.syncMd();
        }
        if (i % 5 == 0) bs.deleteBlob(bs.blobIds().get(0)); // holes in the md region
      }
    }
    try (Blobstore bs = Blobstore.load(FileBlockDevice.open(img, true, 512), null)) {
      // The load itself went through the read-ahead: chained blobs came back whole.
      int chained = 0;
      for (long id : bs.blobIds()) {
        BlobInfo info = bs.info(id);
        assertEquals(1, info.xattrs.get("k").length);
        if (info.chainPages.length > 1) {
          chained++;
          assertEquals(info.xattrs.get("big1").length, info.xattrs.get("big2").length);
        }
      }
      assertTrue(chained > 5, "chained blobs: " + chained);
      Random rnd = new Random(7);
      for (BitSet mask : new BitSet[] {bs.usedPageMask(), new BitSet(), full(bs.mdLen()), random(bs.mdLen(), rnd)}) {
        MdReadAhead ra = new MdReadAhead(bs, mask);
        for (int k = 0; k < 2000; k++) {
          int i = k < bs.mdLen() ? k : rnd.nextInt(bs.mdLen());
          assertArrayEquals(bs.readMdPage(i), ra.readMdPage(i), "page " + i);
        }
      }
      assertEquals(bs.mdLen(), new MdReadAhead(bs, bs.usedPageMask()).mdLen());
    }
  }

  private static BitSet full(int n) {
    BitSet b = new BitSet();
    b.set(0, n);
    return b;
  }

  private static BitSet random(int n, Random rnd) {
    BitSet b = new BitSet();
    for (int i = 0; i < n; i++) if (rnd.nextBoolean()) b.set(i);
    return b;
  }
}
