package org.jds.blobfs.fs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.jds.blobfs.AlreadyExistsException;
import org.jds.blobfs.InvalidArgumentException;
import org.jds.blobfs.NameTooLongException;
import org.jds.blobfs.BlobfsNoSpaceException;
import org.jds.blobfs.BlobfsNotFoundException;
import org.jds.blobfs.blobstore.BsOptions;
import org.jds.blobfs.device.FileBlockDevice;
import org.jds.blobfs.tools.Fsck;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class BlobfsRoundTripTest {
  @TempDir Path tmp;

  static PureBlobFileSystem mkfs(Path img, long size, int cluster, long mdPages) throws IOException {
    return mkfs(img, size, cluster, mdPages, false);
  }

  /** With {@code direct}, on an O_DIRECT device (/tmp is ext4 here, which supports it). */
  static PureBlobFileSystem mkfs(Path img, long size, int cluster, long mdPages, boolean direct) throws IOException {
    BsOptions o = new BsOptions().clusterSize(cluster).numMdPages(mdPages);
    return PureBlobFileSystem.mkfs(FileBlockDevice.create(img, size, 512, direct), o);
  }

  static PureBlobFileSystem open(Path img) throws IOException {
    return open(img, false);
  }

  static PureBlobFileSystem open(Path img, boolean direct) throws IOException {
    return PureBlobFileSystem.load(FileBlockDevice.open(img, false, 512, direct));
  }

  static byte[] readAll(BlobFileSystem fs, String name) throws IOException {
    try (BlobFile f = fs.openFile(name, 0)) {
      byte[] out = new byte[(int) f.length()];
      long n = f.read(0, out, 0, out.length);
      assertEquals(out.length, n);
      assertEquals(0, f.read(out.length, new byte[1], 0, 1));
      return out;
    }
  }

  @ParameterizedTest
  @CsvSource({"4096, 33554432, 2048, false", "65536, 67108864, -1, false", "1048576, 134217728, -1, false",
      "65536, 33554432, -1, true"})
  void randomFilesSurviveDeletesRenamesAndReopen(int cluster, long size, long mdPages, boolean direct) throws IOException {
    Path img = tmp.resolve("rt.img");
    Random rnd = new Random(cluster);
    Map<String, byte[]> model = new HashMap<>();
    int maxFile = cluster == 4096 ? 40_000 : 3 * cluster / 2;
    try (PureBlobFileSystem fs = mkfs(img, size, cluster, mdPages, direct)) {
      for (int i = 0; i < 40; i++) {
        String name = "/f" + i + "-" + Long.toString(rnd.nextLong() & 0xffffff, 36);
        byte[] data = new byte[rnd.nextInt(maxFile)];
        rnd.nextBytes(data);
        try (BlobFile f = fs.openFile(name, BlobFileSystem.OPEN_CREATE)) {
          int pos = 0;
          while (pos < data.length) {
            int n = Math.min(data.length - pos, 1 + rnd.nextInt(9000));
            f.write(pos, data, pos, n);
            pos += n;
            if (rnd.nextInt(4) == 0) f.sync();
          }
        }
        model.put(name, data);
      }
      List<String> names = new ArrayList<>(model.keySet());
      for (int i = 0; i < 10; i++) {
        String victim = names.remove(rnd.nextInt(names.size()));
        fs.deleteFile(victim);
        model.remove(victim);
      }
      for (int i = 0; i < 5; i++) {
        String from = names.remove(rnd.nextInt(names.size()));
        String to = i % 2 == 0 ? names.get(rnd.nextInt(names.size())) : from + ".renamed";
        fs.renameFile(from, to);
        model.put(to, model.remove(from));
        if (!names.contains(to)) names.add(to);
      }
    }
    assertTrue(Fsck.check(img, direct).isEmpty(), () -> {
      try {
        return Fsck.check(img, direct).toString();
      } catch (IOException e) {
        return e.toString();
      }
    });
    try (PureBlobFileSystem fs = open(img, direct)) {
      assertTrue(fs.blobstore().wasClean());
      List<String> listed = new ArrayList<>(fs.list());
      listed.sort(null);
      List<String> expected = new ArrayList<>(model.keySet());
      expected.sort(null);
      assertEquals(expected, listed);
      for (Map.Entry<String, byte[]> e : model.entrySet()) {
        assertArrayEquals(e.getValue(), readAll(fs, e.getKey()), e.getKey());
        assertEquals(e.getValue().length, fs.stat(e.getKey()).size());
      }
    }
  }

  @ParameterizedTest(name = "direct={0}")
  @ValueSource(booleans = {false, true})
  void concurrentWritersAndReaders(boolean direct) throws Exception {
    Path img = tmp.resolve("conc.img");
    try (PureBlobFileSystem fs = mkfs(img, 64 << 20, 65536, -1, direct)) {
      byte[] base = new byte[300_000];
      new Random(3).nextBytes(base);
      try (BlobFile f = fs.openFile("/shared", BlobFileSystem.OPEN_CREATE)) {
        f.write(0, base, 0, base.length);
        f.sync();
      }
      java.util.concurrent.ExecutorService ex = java.util.concurrent.Executors.newFixedThreadPool(6);
      List<java.util.concurrent.Future<?>> fut = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        int id = t;
        fut.add(ex.submit(() -> {
          for (int i = 0; i < 10; i++) {
            String n = "/t" + id + "-" + i;
            byte[] d = new byte[1000 * (i + 1) + id];
            new Random(id * 100 + i).nextBytes(d);
            try (BlobFile f = fs.openFile(n, BlobFileSystem.OPEN_CREATE)) {
              for (int off = 0; off < d.length; off += 777) f.write(off, d, off, Math.min(777, d.length - off));
              f.sync();
            }
            assertArrayEquals(d, readAll(fs, n));
          }
          return null;
        }));
      }
      for (int t = 0; t < 2; t++) {
        fut.add(ex.submit(() -> {
          Random r = new Random();
          try (BlobFile f = fs.openFile("/shared", 0)) {
            byte[] buf = new byte[5000];
            for (int i = 0; i < 300; i++) {
              int off = r.nextInt(base.length - buf.length);
              assertEquals(buf.length, f.read(off, buf, 0, buf.length));
              assertArrayEquals(java.util.Arrays.copyOfRange(base, off, off + buf.length), buf);
            }
          }
          return null;
        }));
      }
      for (java.util.concurrent.Future<?> x : fut) x.get();
      ex.shutdown();
      assertEquals(41, fs.list().size());
    }
    assertEquals(List.of(), Fsck.check(img, direct));
    assertEquals(List.of(), Fsck.check(img)); // a buffered reader sees the same image
  }

  @Test
  void spdkSemantics() throws IOException {
    Path img = tmp.resolve("sem.img");
    try (PureBlobFileSystem fs = mkfs(img, 16 << 20, 65536, -1)) {
      fs.createFile("/a");
      assertThrows(AlreadyExistsException.class, () -> fs.createFile("/a"));
      assertThrows(BlobfsNotFoundException.class, () -> fs.openFile("/missing", 0));
      assertThrows(NameTooLongException.class, () -> fs.createFile("x".repeat(256)));
      fs.createFile("y".repeat(255));
      BlobFile a = fs.openFile("/a", 0);
      a.write(0, new byte[] {1, 2, 3}, 0, 3);
      assertThrows(InvalidArgumentException.class, () -> a.write(0, new byte[1], 0, 1));
      assertEquals(3, fs.stat("/a").size());
      // delete while open: still stat-able, not openable, name taken, gone after last close
      fs.deleteFile("/a");
      assertEquals(3, fs.stat("/a").size());
      assertThrows(BlobfsNotFoundException.class, () -> fs.openFile("/a", 0));
      assertThrows(AlreadyExistsException.class, () -> fs.createFile("/a"));
      a.close();
      assertThrows(InvalidArgumentException.class, a::close);
      assertThrows(BlobfsNotFoundException.class, () -> fs.stat("/a"));
      // rename onto an existing name replaces it
      fs.createFile("/b");
      fs.createFile("/c");
      try (BlobFile b = fs.openFile("/b", 0)) {
        b.write(0, new byte[] {9}, 0, 1);
      }
      fs.renameFile("/b", "/c");
      assertArrayEquals(new byte[] {9}, readAll(fs, "/c"));
      assertThrows(BlobfsNotFoundException.class, () -> fs.stat("/b"));
      assertEquals(List.of("y".repeat(255), "/c"), fs.list());
    }
  }

  @Test
  void truncateShrinksAndPersistsTheLength() throws IOException {
    Path img = tmp.resolve("trunc.img");
    long free;
    try (PureBlobFileSystem fs = mkfs(img, 16 << 20, 65536, -1)) {
      free = fs.freeBytes();
      try (BlobFile f = fs.openFile("/t", BlobFileSystem.OPEN_CREATE)) {
        f.write(0, new byte[200_000], 0, 200_000);
        f.truncate(70_000);
        assertEquals(70_000, f.length());
        assertEquals(70_000, f.read(0, new byte[100_000], 0, 100_000));
        f.write(70_000, new byte[] {5}, 0, 1);
      }
      assertEquals(free - 2 * 65536, fs.freeBytes());
    }
    try (PureBlobFileSystem fs = open(img)) {
      byte[] d = readAll(fs, "/t");
      assertEquals(70_001, d.length);
      assertEquals(5, d[70_000]);
      try (BlobFile f = fs.openFile("/t", 0)) {
        f.truncate(0);
      }
      assertEquals(0, fs.stat("/t").size());
      assertEquals(free, fs.freeBytes());
    }
  }

  @Test
  void unsyncedAppendIsLostAfterCrashButSyncedLengthHolds() throws IOException {
    Path img = tmp.resolve("crash.img");
    FileBlockDevice dev = FileBlockDevice.create(img, 16 << 20, 512);
    PureBlobFileSystem fs = PureBlobFileSystem.mkfs(dev, 65536);
    BlobFile f = fs.openFile("/x", BlobFileSystem.OPEN_CREATE);
    f.write(0, new byte[100], 0, 100);
    f.sync();
    f.write(100, new byte[50], 0, 50);
    fs.deleteFile("/x"); // delete pending, persisted as is_deleted
    fs.createFile("/keep");
    // "crash": the process's descriptors go (and its image lock with them), nothing is unloaded
    dev.close();
    try (PureBlobFileSystem again = open(img)) {
      assertTrue(again.blobstore().recovered());
      assertEquals(List.of("/keep"), again.list()); // is_deleted blob removed at load
    }
    try (PureBlobFileSystem again = open(img)) {
      assertEquals(List.of("/keep"), again.list());
    }
  }

  @Test
  void fullDeviceGivesNoSpaceWhileAppending() throws IOException {
    Path img = tmp.resolve("full.img");
    try (PureBlobFileSystem fs = mkfs(img, 2 << 20, 65536, -1)) {
      byte[] chunk = new byte[65536];
      try (BlobFile f = fs.openFile("/big", BlobFileSystem.OPEN_CREATE)) {
        long pos = 0;
        BlobfsNoSpaceException e = null;
        for (int i = 0; i < 64 && e == null; i++) {
          try {
            f.write(pos, chunk, 0, chunk.length);
            pos += chunk.length;
          } catch (BlobfsNoSpaceException x) {
            e = x;
          }
        }
        assertTrue(e != null, "expected ENOSPC");
        assertEquals(pos, f.length());
        f.sync();
      }
      assertEquals(0, fs.freeBytes());
    }
    try (PureBlobFileSystem fs = open(img)) {
      assertFalse(fs.list().isEmpty());
      assertEquals(fs.stat("/big").size(), readAll(fs, "/big").length);
    }
  }
}
