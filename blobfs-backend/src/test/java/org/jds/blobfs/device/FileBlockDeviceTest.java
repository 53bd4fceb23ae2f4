package org.jds.blobfs.device;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jds.blobfs.InvalidArgumentException;
import org.jds.blobfs.BlobfsNotFoundException;
import org.jds.blobfs.ReadOnlyException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The device contract, run for buffered ({@code direct = false}) and O_DIRECT ({@code direct =
 * true}) FileBlockDevices alike. @TempDir lives under /tmp (ext4 here, which supports O_DIRECT).
 */
class FileBlockDeviceTest {
  @TempDir Path tmp;

  @ParameterizedTest(name = "direct={0}")
  @ValueSource(booleans = {false, true})
  void positionalIoDiscardAndFlush(boolean direct) throws IOException {
    Path f = tmp.resolve("dev.img");
    try (FileBlockDevice d = FileBlockDevice.create(f, 4 << 20, 512, direct)) {
      assertEquals(direct, d.isDirect());
      assertEquals(4 << 20, d.size());
      assertEquals(512, d.blockSize());
      byte[] data = new byte[3 << 20];
      java.util.Arrays.fill(data, (byte) 7);
      d.write(0, ByteBuffer.wrap(data));
      d.flush();
      d.discard(1 << 20, 1 << 20);
      byte[] got = new byte[3 << 20];
      d.read(0, ByteBuffer.wrap(got));
      for (int i = 0; i < got.length; i++) assertEquals(i >= (1 << 20) && i < (2 << 20) ? 0 : 7, got[i], "byte " + i);
      assertThrows(InvalidArgumentException.class, () -> d.write((4 << 20) - 1, ByteBuffer.wrap(new byte[2])));
    }
    try (FileBlockDevice ro = FileBlockDevice.open(f, true, 512, direct)) {
      assertThrows(ReadOnlyException.class, () -> ro.write(0, ByteBuffer.wrap(new byte[1])));
      assertThrows(ReadOnlyException.class, () -> ro.discard(0, 4096));
      byte[] b = new byte[16];
      ro.read((4 << 20) - 8, ByteBuffer.wrap(b)); // past the end reads zeros
      assertArrayEquals(new byte[16], b);
    }
    assertThrows(InvalidArgumentException.class, () -> FileBlockDevice.open(f, true, 1000, direct));
    assertThrows(BlobfsNotFoundException.class, () -> FileBlockDevice.open(tmp.resolve("missing"), false, 512, direct));
  }

  /** Random offsets and lengths (unaligned, sub-block, multi-chunk) against an in-memory model. */
  @ParameterizedTest(name = "direct={0}")
  @ValueSource(booleans = {false, true})
  void unalignedReadsAndWritesMatchAModel(boolean direct) throws IOException {
    int size = 3 << 20;
    Path f = tmp.resolve("model.img");
    byte[] model = new byte[size];
    Random rnd = new Random(42);
    try (FileBlockDevice d = FileBlockDevice.create(f, size, 512, direct)) {
      for (int i = 0; i < 300; i++) {
        int len = switch (i % 5) {
          case 0 -> rnd.nextInt(16);
          case 1 -> rnd.nextInt(600);
          case 2 -> rnd.nextInt(9000);
          case 3 -> 4096 * (1 + rnd.nextInt(4));
          default -> i % 50 == 4 ? DirectIo.CHUNK + rnd.nextInt(300_000) : rnd.nextInt(70_000);
        };
        int off = i % 5 == 3 && i % 2 == 0 ? 4096 * rnd.nextInt((size - len) / 4096 + 1) : rnd.nextInt(size - len + 1);
        byte[] data = new byte[len];
        rnd.nextBytes(data);
        d.write(off, buffer(data, i % 3));
        System.arraycopy(data, 0, model, off, len);
        int roff = rnd.nextInt(size);
        int rlen = rnd.nextInt(Math.min(size - roff, 20_000) + 1);
        ByteBuffer got = ByteBuffer.allocate(rlen + 3).position(3); // heap buffer at a nonzero position
        d.read(roff, got);
        assertFalse(got.hasRemaining());
        assertArrayEquals(Arrays.copyOfRange(model, roff, roff + rlen), Arrays.copyOfRange(got.array(), 3, rlen + 3), "read " + i);
      }
      assertArrayEquals(model, readAll(d, size, 0));
      assertArrayEquals(model, readAll(d, size, 1));
      assertArrayEquals(model, readAll(d, size, 2));
    }
    assertArrayEquals(model, Files.readAllBytes(f)); // what a buffered reader of the file sees
  }

  /** Writers that share blocks but not bytes never lose each other's updates. */
  @ParameterizedTest(name = "direct={0}")
  @ValueSource(booleans = {false, true})
  void concurrentWritersToOneBlockLoseNoUpdates(boolean direct) throws Exception {
    int threads = 4;
    int rounds = 400;
    Path f = tmp.resolve("conc.img");
    try (FileBlockDevice d = FileBlockDevice.create(f, 1 << 20, 512, direct)) {
      ExecutorService ex = Executors.newFixedThreadPool(threads);
      CyclicBarrier start = new CyclicBarrier(threads);
      List<Future<?>> fut = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int id = t;
        fut.add(ex.submit(() -> {
          start.await();
          // Slot t: 100 bytes at 4000 + 100 t, so every slot shares the block [4096, 8192) or
          // [0, 4096) with others; the first slot also straddles the two blocks.
          long off = 4000 + 100L * id;
          byte[] mine = new byte[100];
          byte[] back = new byte[100];
          for (int r = 1; r <= rounds; r++) {
            Arrays.fill(mine, (byte) (r * 7 + id));
            d.write(off, ByteBuffer.wrap(mine));
            d.read(off, ByteBuffer.wrap(back));
            assertArrayEquals(mine, back, "thread " + id + " round " + r);
          }
          return null;
        }));
      }
      for (Future<?> x : fut) x.get();
      ex.shutdown();
      byte[] all = readAll(d, 1 << 20, 0);
      for (int t = 0; t < threads; t++) {
        for (int i = 0; i < 100; i++) assertEquals((byte) (rounds * 7 + t), all[4000 + 100 * t + i], "thread " + t);
      }
    }
  }

  /** A hole punched next to a concurrent read-modify-write of the same block stays punched. */
  @ParameterizedTest(name = "direct={0}")
  @ValueSource(booleans = {false, true})
  void discardNextToAConcurrentWriterInTheSameBlockStaysZero(boolean direct) throws Exception {
    Path f = tmp.resolve("punch-race.img");
    try (FileBlockDevice d = FileBlockDevice.create(f, 1 << 20, 512, direct)) {
      assumeTrue(d.tryUnmap(0, 4096), "no hole punching here");
      ExecutorService ex = Executors.newSingleThreadExecutor();
      java.util.concurrent.atomic.AtomicBoolean stop = new java.util.concurrent.atomic.AtomicBoolean();
      Future<?> writer = ex.submit(() -> {
        byte[] b = new byte[100];
        for (int r = 0; !stop.get(); r++) {
          Arrays.fill(b, (byte) r);
          d.write(2048, ByteBuffer.wrap(b));
        }
        return null;
      });
      try {
        byte[] ones = new byte[2048];
        Arrays.fill(ones, (byte) 1);
        byte[] back = new byte[2048];
        for (int r = 0; r < 300; r++) {
          d.write(0, ByteBuffer.wrap(ones));
          assertTrue(d.tryUnmap(0, 2048));
          d.read(0, ByteBuffer.wrap(back));
          assertArrayEquals(new byte[2048], back, "round " + r);
        }
      } finally {
        stop.set(true);
        writer.get();
        ex.shutdown();
      }
    }
  }

  @ParameterizedTest(name = "direct={0}")
  @ValueSource(booleans = {false, true})
  void readsPastTheEndOfAShortFileAreZeros(boolean direct) throws IOException {
    Path f = tmp.resolve("short.img");
    byte[] data = new byte[10_000]; // not a multiple of any alignment
    new Random(5).nextBytes(data);
    Files.write(f, data);
    try (FileBlockDevice d = FileBlockDevice.open(f, true, 512, direct)) {
      assertEquals(10_000, d.size());
      byte[] got = new byte[300];
      d.read(9_900, ByteBuffer.wrap(got));
      assertArrayEquals(Arrays.copyOfRange(data, 9_900, 10_000), Arrays.copyOf(got, 100));
      assertArrayEquals(new byte[200], Arrays.copyOfRange(got, 100, 300));
      Arrays.fill(got, (byte) 1);
      d.read(1 << 20, ByteBuffer.wrap(got)); // entirely past the end
      assertArrayEquals(new byte[300], got);
      ByteBuffer aligned = ByteBuffer.allocateDirect(3 * 4096).alignedSlice(4096);
      aligned.limit(2 * 4096);
      d.read(8192, aligned); // aligned, straddling the end
      byte[] a = new byte[8192];
      aligned.flip().get(a);
      assertArrayEquals(Arrays.copyOfRange(data, 8192, 10_000), Arrays.copyOf(a, 10_000 - 8192));
      assertArrayEquals(new byte[8192 - (10_000 - 8192)], Arrays.copyOfRange(a, 10_000 - 8192, 8192));
    }
    if (direct) {
      // Writable O_DIRECT needs a size in whole aligned blocks: the last block could not be rewritten.
      InvalidArgumentException e = assertThrows(InvalidArgumentException.class, () -> FileBlockDevice.open(f, false, 512, true));
      assertTrue(e.getMessage().contains(f.toString()), e.getMessage());
      Path g = tmp.resolve("odd.img");
      assertThrows(InvalidArgumentException.class, () -> FileBlockDevice.create(g, 10_000, 512, true));
      assertFalse(Files.exists(g), "a failed create removes the file it created");
    }
  }

  @Test
  void directAlignmentCoversTheIoUnitAndTheFileStore() throws IOException {
    Path f = tmp.resolve("align.img");
    long fsBlock = Files.getFileStore(tmp).getBlockSize();
    for (int unit : new int[] {512, 4096}) {
      try (FileBlockDevice d = FileBlockDevice.create(f, 1 << 20, unit, true)) {
        int a = d.directAlignment();
        assertTrue(a >= unit && a % unit == 0 && a >= fsBlock && a % fsBlock == 0, "alignment " + a);
      }
      try (FileBlockDevice d = FileBlockDevice.open(f, false, unit)) {
        assertFalse(d.isDirect());
        assertEquals(0, d.directAlignment());
      }
    }
  }

  @Test
  void aFileSystemThatRefusesODirectFailsWithACheckedErrorNamingThePath() {
    // procfs refuses O_DIRECT with EINVAL (as tmpfs did before Linux 6.6).
    Path p = Path.of("/proc/self/stat");
    assumeTrue(Files.isReadable(p));
    InvalidArgumentException e = assertThrows(InvalidArgumentException.class, () -> FileBlockDevice.open(p, true, 512, true));
    assertTrue(e.getMessage().contains(p.toString()) && e.getMessage().contains("O_DIRECT"), e.getMessage());
  }

  @Test
  void nativeHelpersLoadOnLinuxAndPunchHoles() throws IOException {
    // jnr-ffi is a declared dependency: on Linux the libc binding must load.
    assertTrue(NativeIo.available(), "jnr-ffi libc binding did not load");
    Path f = tmp.resolve("punch.img");
    Files.write(f, new byte[1 << 20]);
    int fd = NativeIo.open(f.toString(), true);
    try {
      assertTrue(fd >= 0);
      assertTrue(NativeIo.fdatasync(fd));
      assertTrue(NativeIo.punchHole(fd, 0, 1 << 20) || !Files.getFileStore(f).type().startsWith("ext"));
      assertEquals(-1, NativeIo.blockDeviceSize(fd)); // a regular file is not a block device
      assertEquals(-1, NativeIo.logicalBlockSize(fd));
    } finally {
      NativeIo.close(fd);
    }
  }

  /** kind 0: heap; 1: direct, unaligned address; 2: aligned direct buffer (the no-copy path). */
  private static ByteBuffer buffer(byte[] data, int kind) {
    if (kind == 0) return ByteBuffer.wrap(data);
    ByteBuffer b = ByteBuffer.allocateDirect(data.length + 8192);
    b = kind == 1 ? b.position(1).slice() : b.alignedSlice(4096);
    b.put(data).flip();
    return b;
  }

  private static byte[] readAll(FileBlockDevice d, int size, int kind) throws IOException {
    ByteBuffer b = buffer(new byte[size], kind);
    b.clear().limit(size);
    d.read(0, b);
    byte[] out = new byte[size];
    b.flip().get(out);
    return out;
  }
}
