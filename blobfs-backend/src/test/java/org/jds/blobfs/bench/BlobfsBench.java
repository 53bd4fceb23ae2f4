package org.jds.blobfs.bench;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Random;
import org.jds.blobfs.device.FileBlockDevice;
import org.jds.blobfs.fs.BlobFile;
import org.jds.blobfs.fs.BlobFileSystem;
import org.jds.blobfs.fs.PureBlobFileSystem;

/**
 * Benchmark harness (not a test): creates N files of 256 KiB and of 4 KiB with sync, then random
 * 4 KiB reads, on blobfs (pure Java) and on plain FileChannel files in a directory, and prints
 * the ratios. Run: {@code mvn -q -o -pl blobfs-backend test-compile dependency:build-classpath
 * -Dmdep.outputFile=cp.txt} then {@code java -cp target/classes:target/test-classes:$(cat cp.txt)
 * org.jds.blobfs.bench.BlobfsBench [dir] [files]}.
 */
public final class BlobfsBench {
  private BlobfsBench() {}

  public static void main(String[] args) throws IOException {
    Path dir = Files.createTempDirectory(args.length > 0 ? Path.of(args[0]) : Path.of(System.getProperty("java.io.tmpdir")), "bench");
    int files = args.length > 1 ? Integer.parseInt(args[1]) : 200;
    for (int size : new int[] {256 * 1024, 4096}) {
      byte[] data = new byte[size];
      new Random(1).nextBytes(data);
      long tBlobW;
      long tBlobR;
      long tPlainW;
      long tPlainR;
      Path img = dir.resolve("bench.img");
      Files.deleteIfExists(img);
      int cluster = size >= 65536 ? 1 << 20 : 65536;
      long imgSize = Math.max(64L << 20, (long) files * Math.max(cluster, size) * 2);
      try (PureBlobFileSystem fs = PureBlobFileSystem.mkfs(FileBlockDevice.create(img, imgSize, 512), cluster)) {
        long t0 = System.nanoTime();
        for (int i = 0; i < files; i++) {
          try (BlobFile f = fs.openFile("/f" + i, BlobFileSystem.OPEN_CREATE)) {
            f.write(0, data, 0, size);
            f.sync();
          }
        }
        tBlobW = System.nanoTime() - t0;
        tBlobR = randomReads(files, size, (i, off, buf) -> {
          try (BlobFile f = fs.openFile("/f" + i, 0)) {
            f.read(off, buf, 0, buf.length);
          }
        });
      }
      Path plain = Files.createDirectories(dir.resolve("plain" + size));
      long t0 = System.nanoTime();
      for (int i = 0; i < files; i++) {
        try (FileChannel ch = FileChannel.open(plain.resolve("f" + i), StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
          ch.write(ByteBuffer.wrap(data));
          ch.force(false);
        }
      }
      tPlainW = System.nanoTime() - t0;
      tPlainR = randomReads(files, size, (i, off, buf) -> {
        try (FileChannel ch = FileChannel.open(plain.resolve("f" + i), StandardOpenOption.READ)) {
          ch.read(ByteBuffer.wrap(buf), off);
        }
      });
      System.out.printf("%7d-byte files x %d: append+sync blobfs %.1f ms, FileChannel %.1f ms, ratio %.2f; "
              + "random 4 KiB reads blobfs %.1f ms, FileChannel %.1f ms, ratio %.2f%n",
          size, files, tBlobW / 1e6, tPlainW / 1e6, (double) tBlobW / tPlainW, tBlobR / 1e6, tPlainR / 1e6,
          (double) tBlobR / tPlainR);
    }
  }

  interface Reader {
    void read(int file, long off, byte[] buf) throws IOException;
  }

  private static long randomReads(int files, int size, Reader r) throws IOException {
    Random rnd = new Random(2);
    byte[] buf = new byte[Math.min(4096, size)];
    long t0 = System.nanoTime();
    for (int i = 0; i < files * 10; i++) {
      int f = rnd.nextInt(files);
      long off = size > buf.length ? rnd.nextInt(size - buf.length) : 0;
      r.read(f, off, buf);
    }
    return System.nanoTime() - t0;
  }
}
