package org.jds.blobfs.datastore;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.jds.blobfs.device.FileBlockDevice;
import org.jds.blobfs.fs.BlobFile;
import org.jds.blobfs.fs.BlobFileSystem;
import org.jds.blobfs.fs.PureBlobFileSystem;
import org.jds.blobfs.tools.Fsck;
import org.jds.datastore.Batch;
import org.jds.datastore.Key;
import org.jds.flatfs.FlatfsOptions;
import org.jds.flatfs.RootDatastore;
import org.jds.flatfs.ShardId;
import org.jds.flatfs.storage.CreateMode;
import org.jds.flatfs.storage.FileAccess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SPDK's blobfs FUSE listing fails on any name with a '/' after the first character (the kernel
 * rejects such an entry), so every name a datastore image holds must be '/' plus a name without
 * '/': after puts, in the middle of a batch commit (its staging directory and files exist), in the
 * image a crash at that moment leaves, after that image is reopened, and after an image of the old
 * layout is opened for writing.
 */
class SpdkListableNamesTest {
  private static final Pattern LISTABLE = Pattern.compile("^/[^/]+$");
  @TempDir Path dir;

  private static void assertListable(List<String> names, String when) {
    for (String n : names) assertTrue(LISTABLE.matcher(n).matches(), when + ": " + n + " in " + names);
  }

  private static List<String> namesIn(Path img) throws Exception {
    try (PureBlobFileSystem fs = PureBlobFileSystem.load(FileBlockDevice.open(img, true, 512))) {
      return fs.list();
    }
  }

  @Test
  void everyNameIsListableAtEveryMoment() throws Exception {
    Path img = dir.resolve("img");
    BlobfsImage.create(img, 64L << 20, Geometry.DEFAULT, false).close();
    GatedDevice gated = new GatedDevice(FileBlockDevice.open(img, false, 512));
    BlobfsStorage s = BlobfsImage.open(gated, "img", false);
    Random r = new Random(1);
    byte[] big = new byte[200_000];
    r.nextBytes(big);
    try (RootDatastore<BlobfsStorage> ds = RootDatastore.on(s, ShardId.DEFAULT, FlatfsOptions.defaults(false))) {
      ds.put(Key.of("/CIQSMALL"), "x".getBytes(StandardCharsets.UTF_8));
      assertListable(s.fileSystem().list(), "after a put");
      s.mkdir("stray");
      s.create("stray/file", CreateMode.EXCLUSIVE, FileAccess.PRIVATE).close();
      s.create("ROOT.data", CreateMode.EXCLUSIVE, FileAccess.PRIVATE).close();
      assertListable(s.fileSystem().list(), "after a directory, a file in it and an escaped root .data file");

      // The staged values' data writes wait at the gate. Set before the puts: a put hands its value
      // to a background writer at once, which may write it before the commit starts.
      gated.holdWritesFrom = 128 * 1024;
      Batch b = ds.batch();
      for (int i = 0; i < 3; i++) b.put(Key.of("/CIQBIG" + i), big);
      // Its own thread: the common pool has one worker on 2 cores, and another test may hold it.
      ExecutorService committer = Executors.newSingleThreadExecutor();
      CompletableFuture<Void> commit = CompletableFuture.runAsync(() -> {
        try {
          b.commit();
        } catch (Exception e) {
          throw new RuntimeException(e);
        }
      }, committer);
      committer.shutdown();
      assertTrue(gated.entered.await(30, TimeUnit.SECONDS) || commit.isDone(),
          "the batch never wrote");
      assertFalse(commit.isDone(), () -> "the commit ended without reaching the gate: " + commit);
      List<String> mid = s.fileSystem().list();
      assertTrue(mid.stream().anyMatch(n -> n.contains("batch-")), "no staging name mid-commit: " + mid);
      assertListable(mid, "mid-commit");
      Path crashed = dir.resolve("crashed");
      Files.copy(img, crashed); // what a crash at this moment leaves
      gated.gate.countDown();
      commit.get(30, TimeUnit.SECONDS);
      assertListable(s.fileSystem().list(), "after the commit");
      assertListable(namesIn(crashed), "the image a crash mid-commit leaves");
      try (RootDatastore<BlobfsStorage> again = DatastoreImages.open(crashed, null, false)) {
        assertTrue(again.has(Key.of("/CIQSMALL")));
        assertListable(again.storage().fileSystem().list(), "the crashed image reopened");
      }
    }
    assertListable(namesIn(img), "after close");
    assertEquals(List.of(), Fsck.check(img));
  }

  @Test
  void anOldLayoutImageIsReadAsItIsAndMigratedAtAWritableOpen() throws Exception {
    Path img = dir.resolve("old");
    BlobfsImage.create(img, 64L << 20, Geometry.DEFAULT, false).close();
    // The names the old layout wrote: a marker per directory, temps and escaped files with '/' inside.
    try (PureBlobFileSystem fs = PureBlobFileSystem.load(FileBlockDevice.open(img, false, 512))) {
      write(fs, "/SHARDING", "/repo/flatfs/shard/v1/next-to-last/2\n");
      write(fs, "/CIQKEY.data", "value");
      write(fs, "/.temp/", "");
      write(fs, "/.temp/temp-7", "leftover");
      write(fs, "//STRAY.data", "stray");
      write(fs, "/other/", "");
      write(fs, "/other/nested", "nested");
    }
    try (BlobfsStorage s = BlobfsImage.open(FileBlockDevice.open(img, true, 512), "old", false)) {
      assertArrayEquals("stray".getBytes(StandardCharsets.UTF_8), s.readAll("STRAY.data")); // read-only: read as it is
      assertArrayEquals("nested".getBytes(StandardCharsets.UTF_8), s.readAll("other/nested"));
    }
    try (RootDatastore<BlobfsStorage> ds = DatastoreImages.open(img, null, false)) {
      assertArrayEquals("value".getBytes(StandardCharsets.UTF_8), ds.get(Key.of("/CIQKEY")));
      assertArrayEquals("stray".getBytes(StandardCharsets.UTF_8), ds.storage().readAll("STRAY.data"));
      assertArrayEquals("nested".getBytes(StandardCharsets.UTF_8), ds.storage().readAll("other/nested"));
      assertListable(ds.storage().fileSystem().list(), "after a writable open");
      assertTrue(ds.storage().foreignNames().isEmpty(), ds.storage().foreignNames().toString());
    }
    List<String> names = namesIn(img);
    assertListable(names, "after close");
    assertTrue(names.contains("/%2FSTRAY.data") && names.contains("/other%2Fnested"), names.toString());
    assertFalse(names.stream().anyMatch(n -> n.contains("temp-7")), names.toString());
  }

  private static void write(PureBlobFileSystem fs, String name, String content) throws Exception {
    try (BlobFile f = fs.openFile(name, BlobFileSystem.OPEN_CREATE)) {
      byte[] b = content.getBytes(StandardCharsets.UTF_8);
      f.write(0, b, 0, b.length);
    }
  }
}
