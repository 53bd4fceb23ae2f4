package org.jds.blobfs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.jds.blobfs.blobstore.Blobstore;
import org.jds.blobfs.device.FileBlockDevice;
import org.jds.blobfs.fs.BlobFile;
import org.jds.blobfs.fs.BlobFileSystem;
import org.jds.blobfs.fs.PureBlobFileSystem;
import org.jds.blobfs.tools.Fsck;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Damaged images give a checked error naming the structure and offset, and are never written. */
class BadInputTest {
  @TempDir static Path base;
  static Path good;

  @BeforeAll
  static void makeImage() throws IOException {
    good = base.resolve("good.img");
    try (PureBlobFileSystem fs = PureBlobFileSystem.mkfs(FileBlockDevice.create(good, 8 << 20, 512), 65536)) {
      try (BlobFile f = fs.openFile("/hello", BlobFileSystem.OPEN_CREATE)) {
        f.write(0, "hello world".getBytes(), 0, 11);
      }
    }
  }

  private Path copy(String name) throws IOException {
    Path p = base.resolve(name);
    Files.copy(good, p, StandardCopyOption.REPLACE_EXISTING);
    return p;
  }

  private static void poke(Path p, long off, int xor) throws IOException {
    try (RandomAccessFile f = new RandomAccessFile(p.toFile(), "rw")) {
      f.seek(off);
      int b = f.read();
      f.seek(off);
      f.write(b ^ xor);
    }
  }

  private static void putInt(Path p, long off, int v) throws IOException {
    try (RandomAccessFile f = new RandomAccessFile(p.toFile(), "rw")) {
      f.seek(off);
      f.write(new byte[] {(byte) v, (byte) (v >> 8), (byte) (v >> 16), (byte) (v >> 24)});
    }
  }

  /** Loads read-only and returns the error; asserts the file is byte-identical afterwards. */
  private static CorruptMetadataException loadFails(Path p) throws IOException {
    byte[] before = Files.readAllBytes(p);
    CorruptMetadataException e =
        assertThrows(CorruptMetadataException.class, () -> PureBlobFileSystem.load(FileBlockDevice.open(p, true, 512)).close());
    assertTrue(java.util.Arrays.equals(before, Files.readAllBytes(p)), "image was modified");
    return e;
  }

  @Test
  void flippedBitInSuperBlockIsACrcError() throws IOException {
    Path p = copy("crc.img");
    poke(p, 30, 0x01); // inside cluster_size
    CorruptMetadataException e = loadFails(p);
    assertEquals("super block", e.structure());
    assertEquals(4092, e.byteOffset());
  }

  @Test
  void wrongSignature() throws IOException {
    Path p = copy("sig.img");
    poke(p, 0, 0x20);
    CorruptMetadataException e = loadFails(p);
    assertEquals(0, e.byteOffset());
    assertTrue(e.getMessage().contains("signature"), e.getMessage());
  }

  @Test
  void wrongVersion() throws IOException {
    Path p = copy("ver.img");
    putInt(p, 8, 4);
    CorruptMetadataException e = loadFails(p);
    assertEquals(8, e.byteOffset());
  }

  @Test
  void wrongBstype() throws IOException {
    Path p = copy("type.img");
    try (Blobstore bs = Blobstore.load(FileBlockDevice.open(p, false, 512), "BLOBFS")) {
      assertEquals("BLOBFS", bs.bstype());
    }
    CorruptMetadataException e = assertThrows(CorruptMetadataException.class,
        () -> Blobstore.load(FileBlockDevice.open(p, true, 512), "JDSTEST"));
    assertEquals(56, e.byteOffset());
    // and a non-blobfs store is refused by the file system layer
    Path q = base.resolve("other.img");
    Blobstore.init(FileBlockDevice.create(q, 4 << 20, 512), new org.jds.blobfs.blobstore.BsOptions().clusterSize(65536).bstype("OTHER")).close();
    assertEquals(56, loadFails(q).byteOffset());
  }

  @Test
  void truncatedImageIsSmallerThanTheSuperBlockSays() throws IOException {
    Path p = copy("trunc.img");
    try (RandomAccessFile f = new RandomAccessFile(p.toFile(), "rw")) {
      f.setLength(4 << 20);
    }
    CorruptMetadataException e = loadFails(p);
    assertEquals(80, e.byteOffset());
    Path tiny = base.resolve("tiny.img");
    Files.write(tiny, new byte[100]);
    assertEquals(0, loadFails(tiny).byteOffset());
  }

  @Test
  void flippedBitInMdPageNamesThePage() throws IOException {
    Path p = copy("md.img");
    // md_start is page 4 for this geometry; md page 0 is the file's root page
    poke(p, 4 * 4096 + 40, 0x04);
    byte[] before = Files.readAllBytes(p);
    try (PureBlobFileSystem fs = PureBlobFileSystem.load(FileBlockDevice.open(p, true, 512))) {
      CorruptMetadataException e = assertThrows(CorruptMetadataException.class, () -> fs.blobstore().openBlob(1L << 32));
      assertEquals("md page 0", e.structure());
      assertEquals(4 * 4096 + 4092, e.byteOffset());
      assertTrue(fs.list().isEmpty());
    }
    assertTrue(Fsck.check(p).stream().anyMatch(s -> s.contains("md page 0")), Fsck.check(p).toString());
    assertTrue(java.util.Arrays.equals(before, Files.readAllBytes(p)));
  }

  @Test
  void readOnlyFileSystemRefusesWrites() throws IOException {
    Path p = copy("ro.img");
    try (PureBlobFileSystem fs = PureBlobFileSystem.load(FileBlockDevice.open(p, true, 512))) {
      assertThrows(ReadOnlyException.class, () -> fs.createFile("/new"));
      assertThrows(ReadOnlyException.class, () -> fs.deleteFile("/hello"));
      try (BlobFile f = fs.openFile("/hello", 0)) {
        assertThrows(ReadOnlyException.class, () -> f.write(11, new byte[1], 0, 1));
      }
    }
  }

  static void reseal(Path p, long pageOff) throws IOException {
    try (RandomAccessFile f = new RandomAccessFile(p.toFile(), "rw")) {
      byte[] page = new byte[4096];
      f.seek(pageOff);
      f.readFully(page);
      java.util.zip.CRC32C c = new java.util.zip.CRC32C();
      c.update(page, 0, 4092);
      int v = (int) c.getValue();
      f.seek(pageOff + 4092);
      f.write(new byte[] {(byte) v, (byte) (v >> 8), (byte) (v >> 16), (byte) (v >> 24)});
    }
  }

  @Test
  void garbageEverywhereNeverThrowsUnchecked() throws IOException {
    java.util.Random r = new java.util.Random(7);
    int loaded = 0;
    int rejected = 0;
    for (int i = 0; i < 120; i++) {
      Path p = copy("fuzz.img");
      int flips = 1 + r.nextInt(8);
      for (int j = 0; j < flips; j++) {
        long off = r.nextInt(8) == 0 ? r.nextInt(4096) : 4096 * (1 + r.nextInt(8)) + r.nextInt(4096);
        poke(p, off, 1 << r.nextInt(8));
      }
      // re-seal the super block and md page 0 crcs most of the time so deeper fields get exercised
      if (r.nextInt(4) != 0) reseal(p, 0);
      if (r.nextInt(4) != 0) reseal(p, 4 * 4096);
      try {
        PureBlobFileSystem fs = PureBlobFileSystem.load(FileBlockDevice.open(p, true, 512));
        for (String n : fs.list()) {
          try (BlobFile f = fs.openFile(n, 0)) {
            f.read(0, new byte[64], 0, 64);
          } catch (BlobfsException expected) {
            // a checked error is fine
          }
        }
        Fsck.check(p);
        fs.close();
        loaded++;
      } catch (BlobfsException expected) {
        rejected++; // a checked error is fine
      }
    }
    // both outcomes were exercised: a loader that refused everything would not pass
    assertTrue(loaded >= MIN_OUTCOMES, "images loaded: " + loaded);
    assertTrue(rejected >= MIN_OUTCOMES, "images rejected: " + rejected);
  }

  /** Of the 120 damaged images, at least this many load and at least this many are refused. */
  private static final int MIN_OUTCOMES = 10;
}
