package org.jds.blobfs.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Stream;
import org.jds.blobfs.blobstore.Blobstore;
import org.jds.blobfs.blobstore.BsOptions;
import org.jds.blobfs.device.BlockDevice;
import org.jds.blobfs.device.FileBlockDevice;
import org.jds.blobfs.fs.BlobFile;
import org.jds.blobfs.fs.BlobFileSystem;
import org.jds.blobfs.fs.PureBlobFileSystem;

/**
 * Benchmark harness (not a test; measurements are noisy, so it prints RATIOS against a plain
 * FileChannel / local file system baseline measured in the same run, median of {@code reps}).
 *
 * <ol>
 *   <li><b>append+sync</b>: {@code files} files of 256 KiB and of 4 KiB, each created, written in
 *       one append, synced and closed. blobfs: {@code openFile(OPEN_CREATE)}, {@code write},
 *       {@code sync} (fdatasync of the image, length xattr, fdatasync), {@code close}. Baseline
 *       ("FileChannel durable"): {@code FileChannel.open(CREATE_NEW)}, {@code write},
 *       {@code force(true)} (fsync), close, then fsync of the directory, so the new name is
 *       durable too, which is what a durable create costs on a POSIX file system. The weaker
 *       baseline {@code force(false)} without the directory fsync (the previous version of this
 *       bench) is printed as well, for reference. The three sides take turns in slices of
 *       {@value #SLICE} files (rotating who goes first), so that background I/O of a shared machine
 *       falls on all of them alike.
 *   <li><b>random reads</b>: {@code files * 50} reads of 4 KiB (whole file for 4 KiB files) at
 *       random offsets of random files (the same sequence on both sides, alternating in slices of
 *       100 reads); each read opens the file by name, reads and closes, on both sides. Page cache
 *       warm on both sides.
 *   <li><b>load</b>: an image of {@code loadFiles} files of 100 bytes (cluster 4 KiB; built with the
 *       device flush turned into a no-op, then one real flush and a clean unload), timed
 *       {@code PureBlobFileSystem.load} (page cache warm; the JVM is not fresh), with
 *       {@code Blobstore.load} timed separately to split the time into blob parsing and the blobfs
 *       name scan. Baseline: listing a directory of as many 100-byte files plus a
 *       {@code readAttributes} (stat) of each, i.e. what the load produces (names and sizes).
 *       Heap per file: used heap after forced GCs with the file system loaded, minus the same once it
 *       is closed and released.
 * </ol>
 *
 * <p>Run (one command, from the repository root, after installing the modules):
 * <pre>
 * mvn -q -B -pl blobfs-backend test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=org.jds.blobfs.bench.BlobfsBench
 * </pre>
 * System properties: {@code bench.dir} (default java.io.tmpdir), {@code bench.files} (1000),
 * {@code bench.loadFiles} (100000), {@code bench.reps} (3), {@code bench.parts} (io,load), {@code bench.histo} (false: print the
 * class histogram of the heap with the 100k-file file system loaded).
 */
public final class BlobfsBench {
  private BlobfsBench() {}

  public static void main(String[] args) throws IOException, InterruptedException {
    Path base = Path.of(System.getProperty("bench.dir", System.getProperty("java.io.tmpdir")));
    int files = Integer.getInteger("bench.files", 1000);
    int loadFiles = Integer.getInteger("bench.loadFiles", 100_000);
    int reps = Integer.getInteger("bench.reps", 3);
    String parts = System.getProperty("bench.parts", "io,load");
    Path dir = Files.createTempDirectory(base, "blobfs-bench");
    try {
      System.out.printf(Locale.ROOT, "# BlobfsBench: dir %s, %d files (I/O), %d files (load), median of %d%n",
          dir, files, loadFiles, reps);
      System.out.println("| measurement | blobfs | baseline | ratio blobfs/baseline (median) | ratios of the runs |");
      System.out.println("|---|---|---|---|---|");
      if (parts.contains("io")) {
        for (int size : new int[] {256 * 1024, 4096}) ioBench(dir, size, files, reps);
      }
      if (parts.contains("load")) loadBench(dir, loadFiles, reps);
    } finally {
      deleteTree(dir);
    }
  }

  // ------------------------------------------------------------------ 1. append+sync, random reads

  /** Files per slice: the three sides take turns slice by slice, so background load hits all of them. */
  private static final int SLICE = 10;

  private static void ioBench(Path dir, int size, int files, int reps) throws IOException {
    byte[] data = new byte[size];
    new Random(1).nextBytes(data);
    int cluster = size >= 65536 ? 1 << 20 : 65536;
    long imgSize = Math.max(64L << 20, (long) files * Math.max(cluster, size) * 2);
    double[] bW = new double[reps];
    double[] pW = new double[reps];
    double[] lW = new double[reps];
    double[] bR = new double[reps];
    double[] pR = new double[reps];
    for (int r = 0; r < reps; r++) {
      Path img = dir.resolve("bench.img");
      Path plain = Files.createDirectories(dir.resolve("plain"));
      Path lite = Files.createDirectories(dir.resolve("lite"));
      try (PureBlobFileSystem fs = PureBlobFileSystem.mkfs(FileBlockDevice.create(img, imgSize, 512), cluster);
          FileChannel dch = FileChannel.open(plain, StandardOpenOption.READ)) {
        long[] t = new long[3];
        for (int from = 0, slice = 0; from < files; from += SLICE, slice++) {
          int to = Math.min(files, from + SLICE);
          for (int k = 0; k < 3; k++) {
            int side = (k + slice) % 3; // rotate who goes first
            long t0 = System.nanoTime();
            for (int i = from; i < to; i++) {
              switch (side) {
                case 0 -> {
                  try (BlobFile f = fs.openFile("/f" + i, BlobFileSystem.OPEN_CREATE)) {
                    f.write(0, data, 0, size);
                    f.sync();
                  }
                }
                case 1 -> {
                  try (FileChannel ch = FileChannel.open(plain.resolve("f" + i), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                    ch.write(ByteBuffer.wrap(data));
                    ch.force(true);
                  }
                  dch.force(true); // directory fsync: the new name is durable
                }
                default -> {
                  try (FileChannel ch = FileChannel.open(lite.resolve("f" + i), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                    ch.write(ByteBuffer.wrap(data));
                    ch.force(false);
                  }
                }
              }
            }
            t[side] += System.nanoTime() - t0;
          }
        }
        bW[r] = t[0];
        pW[r] = t[1];
        lW[r] = t[2];
        long[] rt = randomReads(files, size,
            (i, off, buf) -> {
              try (BlobFile f = fs.openFile("/f" + i, 0)) {
                f.read(off, buf, 0, buf.length);
              }
            },
            (i, off, buf) -> {
              try (FileChannel ch = FileChannel.open(plain.resolve("f" + i), StandardOpenOption.READ)) {
                ch.read(ByteBuffer.wrap(buf), off);
              }
            });
        bR[r] = rt[0];
        pR[r] = rt[1];
      }
      Files.delete(img);
      deleteTree(plain);
      deleteTree(lite);
    }
    String what = (size / 1024) + " KiB x " + files;
    row("append+sync " + what + " vs FileChannel fsync + dir fsync", bW, pW, "ms", 1e6);
    row("append+sync " + what + " vs FileChannel force(false), no dir fsync", bW, lW, "ms", 1e6);
    row("random 4 KiB reads (open+read+close) x " + files * 50 + ", " + (size / 1024) + " KiB files", bR, pR, "ms", 1e6);
  }

  interface Reader {
    void read(int file, long off, byte[] buf) throws IOException;
  }

  /** The same random sequence on both sides, alternating in slices of 100 reads; returns both totals. */
  private static long[] randomReads(int files, int size, Reader a, Reader b) throws IOException {
    Random rnd = new Random(2);
    byte[] buf = new byte[Math.min(4096, size)];
    int n = files * 50;
    int[] file = new int[n];
    long[] off = new long[n];
    for (int i = 0; i < n; i++) {
      file[i] = rnd.nextInt(files);
      off[i] = size > buf.length ? rnd.nextInt(size - buf.length) : 0;
    }
    long[] t = new long[2];
    for (int from = 0, slice = 0; from < n; from += 100, slice++) {
      for (int k = 0; k < 2; k++) {
        int side = (k + slice) % 2;
        Reader r = side == 0 ? a : b;
        long t0 = System.nanoTime();
        for (int i = from; i < Math.min(n, from + 100); i++) r.read(file[i], off[i], buf);
        t[side] += System.nanoTime() - t0;
      }
    }
    return t;
  }

  // ------------------------------------------------------------------ 2. load of an image with N files

  private static void loadBench(Path dir, int n, int reps) throws IOException, InterruptedException {
    byte[] data = new byte[100];
    new Random(3).nextBytes(data);
    Path img = dir.resolve("load.img");
    int cluster = 4096;
    // Per file: 1 data cluster, a root md page and an extent page.
    long mdPages = 2L * n + 1024;
    long imgSize = (mdPages + n + 4096L) * cluster + (64L << 20);
    long t0 = System.nanoTime();
    try (NoFlushDevice dev = new NoFlushDevice(FileBlockDevice.create(img, imgSize, 512));
        PureBlobFileSystem fs = PureBlobFileSystem.mkfs(dev, new BsOptions().clusterSize(cluster).numMdPages(mdPages))) {
      for (int i = 0; i < n; i++) {
        try (BlobFile f = fs.openFile(name(i), BlobFileSystem.OPEN_CREATE)) {
          f.write(0, data, 0, data.length);
        }
      }
      dev.flushing = true; // the clean unload in close() flushes for real
    }
    System.err.printf(Locale.ROOT, "built %d-file image in %.1f s (%d MiB allocated)%n", n, (System.nanoTime() - t0) / 1e9,
        Files.size(img) >> 20);
    Path plain = dir.resolve("plain-load");
    Files.createDirectories(plain);
    t0 = System.nanoTime();
    for (int i = 0; i < n; i++) Files.write(plain.resolve(name(i).substring(1)), data);
    System.err.printf(Locale.ROOT, "built %d-file directory in %.1f s%n", n, (System.nanoTime() - t0) / 1e9);

    double[] tLoad = new double[reps];
    double[] tBs = new double[reps];
    double[] tList = new double[reps];
    double[] heap = new double[reps];
    double[] cLoad = new double[reps];
    double[] cList = new double[reps];
    var threads = ManagementFactory.getThreadMXBean();
    for (int r = 0; r < reps; r++) {
      // Directory baseline: names and sizes of every file.
      long c = threads.getCurrentThreadCpuTime();
      long t = System.nanoTime();
      long total = 0;
      int count = 0;
      try (DirectoryStream<Path> ds = Files.newDirectoryStream(plain)) {
        for (Path p : ds) {
          total += Files.readAttributes(p, BasicFileAttributes.class).size();
          count++;
        }
      }
      tList[r] = System.nanoTime() - t;
      cList[r] = threads.getCurrentThreadCpuTime() - c;
      check(count == n && total == (long) n * data.length, "directory listing saw " + count + " files");

      // Blobstore layer only (super block, masks, every blob's md pages).
      t = System.nanoTime();
      try (Blobstore bs = Blobstore.load(FileBlockDevice.open(img, true, 512), null)) {
        tBs[r] = System.nanoTime() - t;
        check(bs.blobIds().size() == n, "blobstore has " + bs.blobIds().size() + " blobs");
      }

      // The whole blobfs load, with the heap it retains.
      usedHeapAfterGc();
      c = threads.getCurrentThreadCpuTime();
      t = System.nanoTime();
      PureBlobFileSystem fs = PureBlobFileSystem.load(FileBlockDevice.open(img, false, 512));
      tLoad[r] = System.nanoTime() - t;
      cLoad[r] = threads.getCurrentThreadCpuTime() - c;
      long loaded = usedHeapAfterGc();
      check(fs.list().size() == n && fs.stat(name(n - 1)).size() == data.length, "blobfs lists " + fs.list().size() + " files");
      if (r == 0 && Boolean.getBoolean("bench.histo")) printHistogram(20);
      fs.close();
      fs = null;
      // Retained = used heap with the file system loaded minus used heap once it is released
      // (both after forced GCs); measuring "before" instead also counts unrelated garbage that
      // the JVM only gives back later (the first run then reads low).
      heap[r] = (double) (loaded - usedHeapAfterGc()) / n;
    }
    row("load " + n + "-file image vs list+stat of " + n + " files in a directory", tLoad, tList, "ms", 1e6);
    row("  same, CPU time of the loading thread (user+sys)", cLoad, cList, "ms", 1e6);
    row("  of which Blobstore.load (read-only) vs the same baseline", tBs, tList, "ms", 1e6);
    double[] sorted = heap.clone();
    Arrays.sort(sorted);
    System.out.printf(Locale.ROOT, "| retained heap per file after load (bytes, median; runs %s) | %.0f | | | |%n",
        fmt(heap, 1), sorted[reps / 2]);
    deleteTree(plain);
    Files.delete(img);
  }

  private static String name(int i) {
    return String.format(Locale.ROOT, "/file-%07d.data", i);
  }

  private static long usedHeapAfterGc() throws InterruptedException {
    var mem = ManagementFactory.getMemoryMXBean();
    long best = Long.MAX_VALUE;
    for (int i = 0; i < 4; i++) {
      System.gc();
      Thread.sleep(50);
      best = Math.min(best, mem.getHeapMemoryUsage().getUsed());
    }
    return best;
  }

  /** Top lines of the live-object class histogram (jcmd GC.class_histogram), to stderr. */
  private static void printHistogram(int lines) {
    try {
      var server = ManagementFactory.getPlatformMBeanServer();
      var name = new javax.management.ObjectName("com.sun.management:type=DiagnosticCommand");
      String h = (String) server.invoke(name, "gcClassHistogram", new Object[] {new String[0]},
          new String[] {String[].class.getName()});
      h.lines().limit(lines + 3).forEach(System.err::println);
    } catch (javax.management.JMException e) {
      System.err.println("no class histogram: " + e);
    }
  }

  private static void check(boolean ok, String what) {
    if (!ok) throw new IllegalStateException(what);
  }

  /** Delegates to a device; {@link #flush()} is a no-op until {@link #flushing} is set. */
  static final class NoFlushDevice extends org.jds.blobfs.device.ForwardingBlockDevice {
    boolean flushing;

    NoFlushDevice(BlockDevice d) {
      super(d);
    }

    @Override
    public void flush() throws IOException {
      if (flushing) {
        dev.flush();
      }
    }
  }

  // ------------------------------------------------------------------ output

  private static void row(String what, double[] a, double[] b, String unit, double scale) {
    int n = a.length;
    double[] ratios = new double[n];
    for (int i = 0; i < n; i++) ratios[i] = a[i] / b[i];
    System.out.printf(Locale.ROOT, "| %s | %.1f %s | %.1f %s | **%.2f** | %s |%n", what, median(a) / scale, unit,
        median(b) / scale, unit, median(ratios), fmt(ratios, 2));
  }

  private static double median(double[] v) {
    double[] s = v.clone();
    Arrays.sort(s);
    return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
  }

  private static String fmt(double[] v, int decimals) {
    List<String> out = new ArrayList<>();
    for (double x : v) out.add(String.format(Locale.ROOT, "%." + decimals + "f", x));
    return String.join(", ", out);
  }

  private static void deleteTree(Path p) throws IOException {
    if (!Files.exists(p)) return;
    try (Stream<Path> s = Files.walk(p)) {
      for (Path q : (Iterable<Path>) s.sorted(Comparator.reverseOrder())::iterator) Files.delete(q);
    }
  }
}
