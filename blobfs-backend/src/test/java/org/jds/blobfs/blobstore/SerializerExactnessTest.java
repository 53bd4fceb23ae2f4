package org.jds.blobfs.blobstore;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import org.jds.blobfs.Fixtures;
import org.jds.blobfs.device.FileBlockDevice;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * Re-serialises every blob of SPDK-written images and compares the md chain and extent pages byte
 * for byte with what SPDK wrote: the writer reproduces SPDK's layout (descriptor order, page
 * splits, ET run merging, RLE splitting, crc).
 */
class SerializerExactnessTest {
  @TempDir static Path tmp;

  @BeforeAll
  static void unpack() throws IOException {
    Fixtures.gunzip(Fixtures.fixture("spdk-blobstore-v25.05", "blobstore-mixed.img.gz"), tmp);
    Fixtures.gunzip(Fixtures.fixture("spdk-blobstore-v25.05", "blobstore-mixed-dirty.img.gz"), tmp);
    Fixtures.gunzip(Fixtures.fixture("spdk-blobfs-v25.05", "frag-64k.img.gz"), tmp);
    Fixtures.gunzip(Fixtures.fixture("spdk-blobfs-v25.05", "basic-1m.img.gz"), tmp);
    Fixtures.gunzip(Fixtures.fixture("spdk-blobfs-v25.05", "many-64k.img.gz"), tmp);
    Fixtures.gunzip(Fixtures.fixture("spdk-blobfs-v25.05", "dirty-64k.img.gz"), tmp);
  }

  @ParameterizedTest
  @ValueSource(strings = {"blobstore-mixed", "blobstore-mixed-dirty", "frag-64k", "basic-1m", "many-64k", "dirty-64k"})
  void chainsAndExtentPagesMatchSpdkBytes(String name) throws IOException {
    try (Blobstore bs = Blobstore.load(FileBlockDevice.open(tmp.resolve(name + ".img"), true, 512), null)) {
      int checkedPages = 0;
      for (long id : bs.blobIds()) {
        BlobMeta m = bs.blobs.get(id);
        List<byte[]> pages = BlobSerializer.serialize(m);
        assertEquals(m.pages.length, pages.size(), String.format("chain length of 0x%x", id));
        for (int i = 0; i < pages.size(); i++) {
          MdPage.seal(pages.get(i), i + 1 < pages.size() ? m.pages[i + 1] : MdPage.INVALID_PAGE);
          assertPage(bs.readMdPage(m.pages[i]), pages.get(i), id, m.pages[i]);
          checkedPages++;
        }
        for (int k = 0; k < m.extentPages.length; k++) {
          if (m.extentPages[k] == 0) continue;
          byte[] disk = bs.readMdPage(m.extentPages[k]);
          byte[] mine = BlobSerializer.extentPage(m, k);
          if (MdPage.id(disk) != id) {
            // SPDK quirk: a snapshot keeps the clone's extent pages with the clone's id in them.
            Le.put64(mine, MdPage.OFF_ID, MdPage.id(disk));
            MdPage.seal(mine, MdPage.INVALID_PAGE);
          }
          assertPage(disk, mine, id, m.extentPages[k]);
          checkedPages++;
        }
      }
      assertEquals(true, checkedPages > 0);
    }
  }

  private static void assertPage(byte[] disk, byte[] mine, long id, int page) {
    if (!java.util.Arrays.equals(disk, mine)) {
      int i = java.util.Arrays.mismatch(disk, mine);
      assertArrayEquals(disk, mine, String.format("blob 0x%x md page %d differs at byte %d: disk %s mine %s", id, page, i,
          HexFormat.of().formatHex(disk, Math.max(0, i - 8), Math.min(4096, i + 24)),
          HexFormat.of().formatHex(mine, Math.max(0, i - 8), Math.min(4096, i + 24))));
    }
  }
}
