package org.jds.bench;

import com.sun.nio.file.ExtendedOpenOption;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.jds.interop.ValueGen;

/**
 * The disk under the stores, without a store: sequential writes and random 4 KiB reads with
 * O_DIRECT (no page cache) on a file of the size the 256 KiB puts write, and the fdatasync floor
 * (one 4 KiB write then {@code force(false)}, which is fdatasync, repeated). Its workloads are
 * {@code raw-seq-write} (ops of {@code size} bytes, one fdatasync at the end), {@code raw-rand-read}
 * (4 KiB reads of the file the sequential write of the same round made) and {@code raw-fdatasync}.
 */
final class RawDisk implements Contestant {
  static final String NAME = "raw disk";
  /** O_DIRECT alignment of offsets, lengths and buffers: the largest logical block in common use. */
  static final int ALIGN = 4096;
  static final String FILE = "raw.bin";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Sample run(Workload w, Path dir, int n, long seed) throws IOException {
    Files.createDirectories(dir);
    Path file = dir.resolve(FILE);
    return switch (w.op()) {
      case "raw-seq-write" -> sequentialWrite(file, n, w.size());
      case "raw-rand-read" -> randomRead(file, n, seed);
      case "raw-fdatasync" -> fdatasync(file, n);
      default -> throw new IllegalArgumentException("not a raw-disk workload: " + w.op());
    };
  }

  private static ByteBuffer aligned(int size, long seed) {
    ByteBuffer b = ByteBuffer.allocateDirect(size + ALIGN).alignedSlice(ALIGN);
    b.put(ValueGen.gen(size, seed)).flip();
    return b;
  }

  /**
   * Opens {@code file} with O_DIRECT.
   *
   * @throws IOException also when the file system refuses O_DIRECT (tmpfs, some overlays)
   */
  private static FileChannel direct(Path file, OpenOption... mode) throws IOException {
    Set<OpenOption> opts = new HashSet<>(List.of(mode));
    opts.add(ExtendedOpenOption.DIRECT);
    return FileChannel.open(file, opts);
  }

  private static Sample sequentialWrite(Path file, int n, int size) throws IOException {
    ByteBuffer b = aligned(size, 7);
    try (FileChannel ch = direct(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
      long t0 = System.nanoTime();
      long pos = 0;
      for (int i = 0; i < n; i++) {
        b.clear();
        while (b.hasRemaining()) {
          pos += ch.write(b, pos);
        }
      }
      ch.force(false);
      return new Sample(n, (System.nanoTime() - t0) / 1e9, 0);
    }
  }

  private static Sample randomRead(Path file, int n, long seed) throws IOException {
    ByteBuffer b = ByteBuffer.allocateDirect(2 * ALIGN).alignedSlice(ALIGN);
    try (FileChannel ch = direct(file, StandardOpenOption.READ)) {
      long blocks = ch.size() / ALIGN;
      if (blocks == 0) {
        throw new IOException(file + " is empty: the sequential write of this round makes it");
      }
      Random r = new Random(seed);
      long t0 = System.nanoTime();
      for (int i = 0; i < n; i++) {
        b.clear();
        long pos = (long) (r.nextDouble() * blocks) * ALIGN;
        while (b.hasRemaining()) {
          if (ch.read(b, pos + b.position()) < 0) {
            throw new IOException("short O_DIRECT read at " + pos);
          }
        }
      }
      return new Sample(n, (System.nanoTime() - t0) / 1e9, 0);
    }
  }

  private static Sample fdatasync(Path file, int n) throws IOException {
    Path f = file.resolveSibling("fdatasync.bin");
    ByteBuffer b = aligned(ALIGN, 11);
    try (FileChannel ch = FileChannel.open(f, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
      long t0 = System.nanoTime();
      for (int i = 0; i < n; i++) {
        b.clear();
        ch.write(b, (long) (i % 256) * ALIGN);
        ch.force(false);
      }
      return new Sample(n, (System.nanoTime() - t0) / 1e9, 0);
    }
  }
}
