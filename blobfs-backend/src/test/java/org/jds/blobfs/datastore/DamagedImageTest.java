package org.jds.blobfs.datastore;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.jds.blobfs.blobstore.Blobstore;
import org.jds.blobfs.blobstore.DamagedImageException;
import org.jds.blobfs.blobstore.SuperBlock;
import org.jds.blobfs.device.FileBlockDevice;
import org.jds.blobfs.fs.BlobFile;
import org.jds.blobfs.fs.PureBlobFileSystem;
import org.jds.blobfs.tools.Fsck;
import org.jds.datastore.DatastoreException;
import org.jds.datastore.Key;
import org.jds.flatfs.RootDatastore;
import org.jds.flatfs.ShardId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Damage on a cleanly closed image is found at open, never papered over: flipped bytes in the
 * used-cluster mask or in one key's md page make a writable open fail (nothing written), a
 * read-only open still reads every intact value, fsck reports it with status {@link Fsck#CORRUPT},
 * and {@link Fsck#repair} rebuilds the masks (releasing, by name, what cannot be read), after
 * which new puts leave every old value intact.
 */
class DamagedImageTest {
  @TempDir Path dir;

  private Path img;
  private final Map<String, byte[]> values = new LinkedHashMap<>();

  private void store(int keys) throws Exception {
    img = dir.resolve("img");
    BlobfsImage.create(img, 64L << 20, Geometry.DEFAULT, true).close();
    Random r = new Random(5);
    try (RootDatastore<BlobfsStorage> ds = DatastoreImages.open(img, ShardId.DEFAULT, true)) {
      for (int i = 0; i < keys; i++) {
        byte[] v = new byte[1000 + r.nextInt(9000)];
        r.nextBytes(v);
        String k = "/CIQKEY" + i;
        ds.put(Key.of(k), v);
        values.put(k, v);
      }
    }
  }

  private SuperBlock superBlock() throws IOException {
    try (Blobstore bs = Blobstore.load(FileBlockDevice.open(img, true, 512), null)) {
      return bs.superBlock();
    }
  }

  private long firstDataCluster() throws IOException {
    try (Blobstore bs = Blobstore.load(FileBlockDevice.open(img, true, 512), null)) {
      return bs.totalClusters() - bs.totalDataClusters();
    }
  }

  private void flip(long off) throws IOException {
    try (RandomAccessFile f = new RandomAccessFile(img.toFile(), "rw")) {
      f.seek(off);
      int b = f.read();
      f.seek(off);
      f.write(b ^ 0xff);
    }
  }

  /** Every value, read through a read-only open of the file system. */
  private void assertReadOnlyReadsEverything(Map<String, byte[]> expect) throws IOException {
    try (PureBlobFileSystem fs = PureBlobFileSystem.load(FileBlockDevice.open(img, true, 512))) {
      for (Map.Entry<String, byte[]> e : expect.entrySet()) {
        try (BlobFile f = fs.openFile(e.getKey() + ".data", 0)) {
          byte[] got = new byte[(int) f.length()];
          f.read(0, got, 0, got.length);
          assertArrayEquals(e.getValue(), got, e.getKey());
        }
      }
    }
  }

  @Test
  void flippedClusterMaskBytesRefuseWritesAndRepairRebuildsTheMask() throws Exception {
    store(6);
    SuperBlock sb = superBlock();
    long mask = (long) sb.clusterMaskStart * Blobstore.PAGE + 5; // the bitmap after the 5-byte header
    long data = firstDataCluster();
    // Four bytes: two over the md region's clusters, two over the first data clusters (the values).
    for (long off : new long[] {mask, mask + 1, mask + data / 8, mask + data / 8 + 1}) flip(off);
    byte[] damaged = Files.readAllBytes(img);

    DatastoreException e = assertThrows(DatastoreException.class, () -> DatastoreImages.open(img, null, true));
    assertTrue(e.getMessage().contains("used cluster mask: metadata-region clusters marked free: 0-"), e.getMessage());
    assertTrue(e.getMessage().contains("fsck --repair"), e.getMessage());
    assertFalse(e.getMessage().contains("\n"), e.getMessage());
    assertArrayEquals(damaged, Files.readAllBytes(img), "a refused open wrote");
    assertReadOnlyReadsEverything(values);

    Fsck.Report before = Fsck.run(img, false);
    assertEquals(Fsck.CORRUPT, before.status(), before.lines().toString());
    assertTrue(before.damage().stream().anyMatch(s -> s.startsWith("used cluster mask: clusters mapped by blobs marked free: ")),
        before.damage().toString());

    List<String> done = Fsck.repair(img, false);
    assertTrue(done.stream().anyMatch(s -> s.startsWith("rebuilt")), done.toString());
    assertFalse(done.stream().anyMatch(s -> s.startsWith("released")), done.toString());
    assertEquals(List.of(), Fsck.check(img));

    Random r = new Random(6);
    try (RootDatastore<BlobfsStorage> ds = DatastoreImages.open(img, null, true)) {
      for (Map.Entry<String, byte[]> v : values.entrySet()) assertArrayEquals(v.getValue(), ds.get(Key.of(v.getKey())));
      for (int i = 0; i < 40; i++) {
        byte[] v = new byte[5000];
        r.nextBytes(v);
        ds.put(Key.of("/CIQNEW" + i), v);
      }
      for (Map.Entry<String, byte[]> v : values.entrySet()) assertArrayEquals(v.getValue(), ds.get(Key.of(v.getKey())));
    }
    assertEquals(List.of(), Fsck.check(img));
  }

  @Test
  void aClearedBlobIdBitNamesTheFileAndRepairBringsItBack() throws Exception {
    store(3);
    SuperBlock sb = superBlock();
    long id;
    try (PureBlobFileSystem fs = PureBlobFileSystem.load(FileBlockDevice.open(img, true, 512))) {
      id = fs.stat("/CIQKEY1.data").blobId();
    }
    int page = (int) (id & 0xffffffffL);
    long at = (long) sb.blobidMaskStart * Blobstore.PAGE + 5 + page / 8;
    try (RandomAccessFile f = new RandomAccessFile(img.toFile(), "rw")) {
      f.seek(at);
      int b = f.read();
      f.seek(at);
      f.write(b & ~(1 << (page % 8)));
    }
    DamagedImageException refused = assertThrows(DamagedImageException.class,
        () -> PureBlobFileSystem.load(FileBlockDevice.open(img, false, 512)));
    assertTrue(refused.problems().contains(String.format(
        "used blobid mask: bit %d is clear, but md page %d is the root of blob 0x%x, file '/CIQKEY1.data'", page, page, id)),
        refused.problems().toString());
    assertEquals(Fsck.CORRUPT, Fsck.run(img, false).status());
    Fsck.repair(img, false);
    assertEquals(List.of(), Fsck.check(img));
    try (RootDatastore<BlobfsStorage> ds = DatastoreImages.open(img, null, true)) {
      assertArrayEquals(values.get("/CIQKEY1"), ds.get(Key.of("/CIQKEY1")));
    }
  }

  @Test
  void flippedBytesInOneKeysMdPageAreReportedByNameAndRepairReleasesOnlyThatKey() throws Exception {
    store(6);
    SuperBlock sb = superBlock();
    String victim = "/CIQKEY3";
    long page = -1;
    try (PureBlobFileSystem fs = PureBlobFileSystem.load(FileBlockDevice.open(img, true, 512))) {
      long id = fs.stat(victim + ".data").blobId();
      page = (long) sb.mdStart + (id & 0xffffffffL);
    }
    for (int i = 0; i < 4; i++) flip(page * Blobstore.PAGE + 200 + i); // inside the descriptors, not the name
    byte[] damaged = Files.readAllBytes(img);

    DamagedImageException refused = assertThrows(DamagedImageException.class,
        () -> PureBlobFileSystem.load(FileBlockDevice.open(img, false, 512)));
    String line = refused.problems().get(0);
    assertTrue(line.contains("file '" + victim + ".data'") && line.contains("crc mismatch"), line);
    assertArrayEquals(damaged, Files.readAllBytes(img), "a refused open wrote");

    Map<String, byte[]> intact = new LinkedHashMap<>(values);
    intact.remove(victim);
    assertReadOnlyReadsEverything(intact);
    try (Blobstore bs = Blobstore.load(FileBlockDevice.open(img, true, 512), null)) {
      assertEquals(refused.problems(), bs.problems());
    }
    Fsck.Report before = Fsck.run(img, false);
    assertEquals(Fsck.CORRUPT, before.status());
    assertTrue(before.damage().contains(line), before.damage().toString());

    List<String> done = Fsck.repair(img, false);
    assertTrue(done.get(0).startsWith("released md page ") && done.get(0).contains(victim + ".data"), done.toString());
    assertEquals(List.of(), Fsck.check(img));
    try (RootDatastore<BlobfsStorage> ds = DatastoreImages.open(img, null, true)) {
      assertFalse(ds.has(Key.of(victim)));
      for (int i = 0; i < 20; i++) ds.put(Key.of("/CIQNEW" + i), new byte[3000]);
      for (Map.Entry<String, byte[]> v : intact.entrySet()) assertArrayEquals(v.getValue(), ds.get(Key.of(v.getKey())));
    }
    assertEquals(List.of(), Fsck.check(img));
  }

  /** clean=0, as a crash leaves it: load replays the md pages instead of trusting the masks. */
  private void markDirty() throws IOException {
    byte[] raw = Arrays.copyOf(Files.readAllBytes(img), SuperBlock.SIZE);
    SuperBlock dirty = SuperBlock.decode(raw, Files.size(img), null);
    dirty.clean = false;
    try (RandomAccessFile f = new RandomAccessFile(img.toFile(), "rw")) {
      f.write(dirty.encode());
    }
  }

  @Test
  void fsckStatusTellsCleanFromRecoverableFromCorrupt() throws Exception {
    store(3);
    assertEquals(Fsck.CLEAN, Fsck.run(img, false).status());
    markDirty();
    Fsck.Report dirty = Fsck.run(img, false);
    assertEquals(Fsck.RECOVERED, dirty.status(), dirty.lines().toString());
    assertTrue(dirty.notes().get(0).contains("clean=0"), dirty.notes().toString());
    List<String> done = Fsck.repair(img, false); // a dirty image is written back clean
    assertFalse(done.stream().anyMatch(s -> s.startsWith("released")), done.toString());
    assertEquals(Fsck.CLEAN, Fsck.run(img, false).status());
    flip((long) superBlock().clusterMaskStart * Blobstore.PAGE + 5);
    assertEquals(Fsck.CORRUPT, Fsck.run(img, false).status());
  }

  @Test
  void aCorruptPageOnADirtyImageIsReportedTooNotDroppedSilently() throws Exception {
    store(4);
    SuperBlock sb = superBlock();
    long page;
    try (PureBlobFileSystem fs = PureBlobFileSystem.load(FileBlockDevice.open(img, true, 512))) {
      page = (long) sb.mdStart + (fs.stat("/CIQKEY1.data").blobId() & 0xffffffffL);
    }
    flip(page * Blobstore.PAGE + 300);
    markDirty();
    DamagedImageException refused = assertThrows(DamagedImageException.class,
        () -> PureBlobFileSystem.load(FileBlockDevice.open(img, false, 512)));
    assertTrue(refused.problems().get(0).contains("file '/CIQKEY1.data'"), refused.problems().toString());
    assertEquals(Fsck.CORRUPT, Fsck.run(img, false).status());
  }
}
