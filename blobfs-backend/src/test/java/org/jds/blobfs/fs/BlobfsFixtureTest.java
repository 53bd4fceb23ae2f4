package org.jds.blobfs.fs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.jds.blobfs.Fixtures;
import org.jds.blobfs.device.FileBlockDevice;
import org.jds.blobfs.tools.Fsck;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every SPDK-written blobfs image reads back exactly as SPDK's own FUSE mount did. */
class BlobfsFixtureTest {
  static final String DIR = "spdk-blobfs-v25.05";
  static final List<String> IMAGES = List.of("basic-1m", "many-64k", "frag-64k", "dirty-64k");
  @TempDir static Path tmp;

  @BeforeAll
  static void unpack() throws IOException {
    for (String n : IMAGES) Fixtures.gunzip(Fixtures.fixture(DIR, n + ".img.gz"), tmp);
  }

  @ParameterizedTest
  @ValueSource(strings = {"basic-1m", "many-64k", "frag-64k", "dirty-64k"})
  void imageReadsBackItsManifest(String name) throws Exception {
    Path img = tmp.resolve(name + ".img");
    long sizeBefore = Files.size(img);
    try (PureBlobFileSystem fs = PureBlobFileSystem.load(FileBlockDevice.open(img, true, 512))) {
      List<String> expected = new ArrayList<>();
      for (String line : Files.readAllLines(Fixtures.fixture(DIR, name + ".manifest.tsv"))) {
        if (line.isBlank()) continue;
        String[] f = line.split("\t");
        expected.add(f[0]);
        assertEquals(Long.parseLong(f[1]), fs.stat(f[0]).size(), f[0]);
        try (BlobFile bf = fs.openFile(f[0], 0)) {
          MessageDigest md = MessageDigest.getInstance("SHA-256");
          byte[] buf = new byte[300_000];
          long off = 0;
          while (true) {
            long n = bf.read(off, buf, 0, buf.length);
            if (n == 0) break;
            md.update(buf, 0, (int) n);
            off += n;
          }
          assertEquals(Long.parseLong(f[1]), off, f[0]);
          assertEquals(f[2], HexFormat.of().formatHex(md.digest()), f[0]);
        }
      }
      List<String> got = new ArrayList<>(fs.list());
      got.sort(null);
      expected.sort(null);
      assertEquals(expected, got);
      assertTrue(fs.orphans().isEmpty(), fs.orphans().toString());
      assertEquals(name.startsWith("dirty"), fs.blobstore().recovered());
      assertFalse(fs.blobstore().wasClean() && name.startsWith("dirty"));
    }
    assertEquals(sizeBefore, Files.size(img));
    List<String> findings = Fsck.check(img);
    if (name.startsWith("dirty")) {
      assertEquals(1, findings.size(), findings.toString());
      assertTrue(findings.get(0).contains("clean=0"), findings.toString());
    } else {
      assertEquals(List.of(), findings);
    }
  }
}
