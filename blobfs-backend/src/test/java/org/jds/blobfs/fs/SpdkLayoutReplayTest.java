package org.jds.blobfs.fs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Path;
import java.util.HexFormat;
import org.jds.blobfs.Fixtures;
import org.jds.blobfs.device.FileBlockDevice;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Replays the first seven files of SPDK's basic-1m image (same names, same sizes, same order)
 * through this engine on a 64 MiB, 1 MiB-cluster blobfs and compares the super block geometry and
 * their md pages (root pages and extent pages 0..13) byte for byte: page and cluster placement,
 * xattr encoding and extent tables come out as SPDK wrote them.
 */
class SpdkLayoutReplayTest {
  @TempDir Path tmp;

  @Test
  void firstFilesOfBasicImageAreByteIdentical() throws IOException {
    Path spdk = Fixtures.gunzip(Fixtures.fixture("spdk-blobfs-v25.05", "basic-1m.img.gz"), tmp);
    Path mine = tmp.resolve("mine.img");
    String[] names = {"/empty", "/one", "/page-minus-1", "/page", "/page-plus-1", "/cluster-plus-1", "/three-mb"};
    int[] sizes = {0, 1, 4095, 4096, 4097, 1048577, 3145851};
    try (PureBlobFileSystem fs = PureBlobFileSystem.mkfs(FileBlockDevice.create(mine, 64 << 20, 512), 1 << 20)) {
      for (int i = 0; i < names.length; i++) {
        fs.createFile(names[i]);
        try (BlobFile f = fs.openFile(names[i], 0)) {
          byte[] d = new byte[sizes[i]];
          for (int off = 0; off < d.length; off += 65536) f.write(off, d, off, Math.min(65536, d.length - off));
          f.sync();
        }
      }
    }
    try (RandomAccessFile a = new RandomAccessFile(spdk.toFile(), "r"); RandomAccessFile b = new RandomAccessFile(mine.toFile(), "r")) {
      // super block geometry: bytes 20..96 minus super_blob (same: invalid) — everything but clean and crc
      assertEquals(hex(a, 20, 76), hex(b, 20, 76), "super block geometry");
      assertEquals(hex(a, 0, 16), hex(b, 0, 16), "signature, version, length");
      for (int p = 0; p < 14; p++) {
        long off = (4L + p) * 4096;
        assertEquals(hex(a, off, 4096), hex(b, off, 4096), "md page " + p);
      }
    }
  }

  private static String hex(RandomAccessFile f, long off, int len) throws IOException {
    byte[] b = new byte[len];
    f.seek(off);
    f.readFully(b);
    return HexFormat.of().formatHex(b);
  }
}
