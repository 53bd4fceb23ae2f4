package org.jds.node.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import org.jds.blobfs.InvalidArgumentException;
import org.jds.blobfs.blobstore.BsOptions;
import org.jds.blobfs.blobstore.Grow;
import org.jds.blobfs.datastore.Geometry;
import org.jds.blobfs.device.FileBlockDevice;
import org.jds.blobfs.fs.BlobFile;
import org.jds.blobfs.fs.BlobFileSystem;
import org.jds.blobfs.fs.BlobfsFileStat;
import org.jds.blobfs.fs.PureBlobFileSystem;
import org.jds.blobfs.tools.Dump;
import org.jds.blobfs.tools.Fsck;
import org.jds.blobfs.tools.FsckListener;
import org.jds.blobfs.tools.ImageContents;
import org.jds.node.transfer.Progress;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code jds blobfs ...}: SPDK v25.05 blobfs images through the pure-Java engine. Names are taken
 * and shown exactly as stored in the {@code name} xattr (SPDK's FUSE module stores "/" + name).
 * Read-only commands (ls, cat, fsck, dump) open the image read-only: a dirty image is recovered in
 * memory only. Every subcommand takes {@code --direct} (O_DIRECT device I/O; refused with a
 * one-line error where the file system does not support it). Errors: one line on stderr, exit
 * {@link Jds#EXIT_NOT_FOUND} for a name missing in the image, else {@link Jds#EXIT_BAD_INPUT}
 * ({@link Jds#exitCode}). Every open locks the image (a writer alone, readers shared).
 */
@Command(
    name = "blobfs",
    description = "Create, inspect and modify SPDK blobfs images.",
    subcommands = {
      BlobfsCommand.Mkfs.class,
      BlobfsCommand.Ls.class,
      BlobfsCommand.Cat.class,
      BlobfsCommand.Put.class,
      BlobfsCommand.Rm.class,
      BlobfsCommand.Mv.class,
      BlobfsCommand.FsckCmd.class,
      BlobfsCommand.DumpCmd.class,
      BlobfsGrow.class
    })
public final class BlobfsCommand implements Runnable {
  /** Raw byte streams for cat/put; tests replace them. */
  static OutputStream rawOut = System.out;
  static InputStream rawIn = System.in;
  static final int BLOCK = 512;

  @Spec CommandSpec spec;

  /** No verb given: print the usage (as Go's tool does) and fail as bad input. */
  @Override
  public void run() {
    throw Jds.missingSubcommand(spec);
  }

  /** {@code --direct}, shared by every subcommand. */
  static final class DirectOption {
    @Option(names = "--direct", description = "Open the image with O_DIRECT (bypass the page cache).")
    boolean direct;
  }

  /**
   * Opens read-only; damage the load found (which a writable open would refuse) is printed as one
   * line each on stderr, and what is intact stays readable.
   */
  static PureBlobFileSystem openRo(Path img, DirectOption o, CommandSpec spec) throws IOException {
    PureBlobFileSystem fs = PureBlobFileSystem.load(FileBlockDevice.open(img, true, BLOCK, o.direct));
    for (String p : fs.blobstore().problems()) spec.commandLine().getErr().println("jds: warning: " + img + ": " + p);
    return fs;
  }

  static PureBlobFileSystem openRw(Path img, DirectOption o) throws IOException {
    return PureBlobFileSystem.load(FileBlockDevice.open(img, false, BLOCK, o.direct));
  }

  /** "64M", "1G", "4096", "4k". */
  static long parseSize(String s) throws InvalidArgumentException {
    String t = s.trim().toUpperCase();
    long mul = 1;
    if (t.endsWith("IB")) t = t.substring(0, t.length() - 2);
    else if (t.endsWith("B")) t = t.substring(0, t.length() - 1);
    if (t.endsWith("K")) mul = 1L << 10;
    else if (t.endsWith("M")) mul = 1L << 20;
    else if (t.endsWith("G")) mul = 1L << 30;
    else if (t.endsWith("T")) mul = 1L << 40;
    if (mul != 1) t = t.substring(0, t.length() - 1);
    try {
      long v = Long.parseLong(t);
      if (v <= 0) throw new NumberFormatException();
      return Math.multiplyExact(v, mul);
    } catch (NumberFormatException | ArithmeticException e) {
      throw new InvalidArgumentException("bad size '" + s + "'");
    }
  }

  @Command(name = "mkfs", description = {"Create an empty blobfs (a sparse file when IMG is missing).",
      "An existing IMG that holds data (a blobstore, or any non-zero byte) is refused unless --force."})
  static final class Mkfs implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "IMG") Path img;
    @Mixin DirectOption io;
    @Option(names = "--size", paramLabel = "SIZE", description = "Image size (e.g. 64M), required for a new file.") String size;
    @Option(names = "--cluster-size", paramLabel = "N", description = "Cluster size in bytes (default 1M).") String clusterSize;
    @Option(names = "--md-pages", paramLabel = "N", description = "Metadata pages (default one per cluster).") Long mdPages;
    @Option(names = "--datastore", description = "Geometry measured for IPFS blocks (jds ds --store blobfs:IMG):"
        + " 4 KiB clusters, md pages for one file per 16 KiB, room to grow to 4x; --cluster-size/--md-pages/--max-size"
        + " still win.") boolean datastore;
    @Option(names = "--max-size", paramLabel = "SIZE", description = "Reserve room for `jds blobfs grow` up to SIZE"
        + " (default: 4x the size with --datastore, else SPDK's own reservation).") String maxSize;
    @Option(names = "--force", description = "Format IMG even if it holds data; that data is lost.") boolean force;
    @Spec CommandSpec spec;

    @Override
    public Integer call() throws IOException {
      if (!force && Files.exists(img)) {
        String there = ImageContents.describe(img, BLOCK);
        if (there != null) {
          throw new InvalidArgumentException(img + " holds " + there
              + "; mkfs would destroy it. Name a new file, or add --force to overwrite it");
        }
      }
      long cs = clusterSize != null ? parseSize(clusterSize)
          : datastore ? Geometry.DEFAULT.clusterSize() : BlobFileSystem.DEFAULT_CLUSTER_SIZE;
      if (cs > Integer.MAX_VALUE) throw new InvalidArgumentException("cluster size too large");
      FileBlockDevice dev;
      if (Files.exists(img)) {
        if (size != null && parseSize(size) > Files.size(img)) dev = FileBlockDevice.create(img, parseSize(size), BLOCK, io.direct);
        else dev = FileBlockDevice.open(img, false, BLOCK, io.direct);
      } else {
        if (size == null) throw new InvalidArgumentException("--size is required to create " + img);
        dev = FileBlockDevice.create(img, parseSize(size), BLOCK, io.direct);
      }
      BsOptions o = new BsOptions().clusterSize((int) cs);
      if (mdPages != null) o.numMdPages(mdPages);
      else if (datastore) o.numMdPages(Geometry.DEFAULT.mdPagesFor(dev.size()));
      if (maxSize != null) o.maxSize(parseSize(maxSize));
      else if (datastore) o.maxSize(Geometry.defaultMaxSize(dev.size()));
      try (PureBlobFileSystem fs = PureBlobFileSystem.mkfs(dev, o)) {
        spec.commandLine().getOut().printf("blobfs created: %d bytes, cluster %d, %d free clusters, can grow to %d bytes%n",
            dev.size(), cs, fs.blobstore().freeClusters(), Grow.maxSize(fs.blobstore().superBlock()));
      }
      return Jds.EXIT_OK;
    }
  }

  @Command(name = "ls", description = "List file names (with -l: size and blob id).")
  static final class Ls implements Callable<Integer> {
    @Option(names = "-l", description = "Long listing: size, blob id, name.") boolean longFormat;
    @Parameters(index = "0", paramLabel = "IMG") Path img;
    @Mixin DirectOption io;
    @Spec CommandSpec spec;

    @Override
    public Integer call() throws IOException {
      PrintWriter out = spec.commandLine().getOut();
      try (PureBlobFileSystem fs = openRo(img, io, spec)) {
        for (Map.Entry<String, BlobfsFileStat> e : fs.statAll().entrySet()) {
          if (longFormat) out.printf("%12d  0x%x  %s%n", e.getValue().size(), e.getValue().blobId(), e.getKey());
          else out.println(e.getKey());
        }
      }
      out.flush();
      return Jds.EXIT_OK;
    }
  }

  @Command(name = "cat", description = "Write a file's bytes to stdout.")
  static final class Cat implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "IMG") Path img;
    @Mixin DirectOption io;
    @Parameters(index = "1", paramLabel = "NAME") String name;
    @Spec CommandSpec spec;

    @Override
    public Integer call() throws IOException {
      try (PureBlobFileSystem fs = openRo(img, io, spec); BlobFile f = fs.openFile(name, 0)) {
        byte[] buf = new byte[1 << 20];
        long off = 0;
        while (true) {
          long n = f.read(off, buf, 0, buf.length);
          if (n == 0) break;
          rawOut.write(buf, 0, (int) n);
          off += n;
        }
        rawOut.flush();
      }
      return Jds.EXIT_OK;
    }
  }

  @Command(name = "put", description = "Store FILE (or stdin with '-' or no FILE) as NAME, replacing it atomically.")
  static final class Put implements Callable<Integer> {
    /** The staging name: written and synced first, then renamed over NAME (short, so any NAME fits). */
    static final String STAGING_PREFIX = "/.jds-put-";

    @Parameters(index = "0", paramLabel = "IMG") Path img;
    @Mixin DirectOption io;
    @Parameters(index = "1", paramLabel = "NAME") String name;
    @Parameters(index = "2", paramLabel = "FILE", arity = "0..1") String file;

    /**
     * Writes a staging file, syncs it, then replaces NAME with it ({@code replaceFile}: the new name
     * commits before the old file goes). A failure or a crash at any point leaves the old NAME
     * intact; a failed put deletes its staging file.
     */
    @Override
    public Integer call() throws IOException {
      FileBlockDevice dev = FileBlockDevice.open(img, false, BLOCK, io.direct);
      try (PureBlobFileSystem fs = PureBlobFileSystem.load(dev);
          InputStream in = file == null || file.equals("-") ? nonClosing(rawIn) : Files.newInputStream(Path.of(file))) {
        String staging = STAGING_PREFIX + Integer.toUnsignedString(java.util.concurrent.ThreadLocalRandom.current().nextInt());
        boolean placed = false;
        try {
          try (BlobFile f = fs.openFile(staging, BlobFileSystem.OPEN_CREATE)) {
            byte[] buf = new byte[1 << 18];
            long off = 0;
            int n;
            while ((n = in.readNBytes(buf, 0, buf.length)) > 0) {
              f.write(off, buf, 0, n);
              off += n;
            }
            f.sync();
          }
          fs.replaceFile(staging, name, dev::flush);
          placed = true;
        } finally {
          if (!placed && fs.list().contains(staging)) {
            fs.deleteFile(staging);
          }
        }
      }
      return Jds.EXIT_OK;
    }

    private static InputStream nonClosing(InputStream in) {
      return new java.io.FilterInputStream(in) {
        @Override
        public void close() {}
      };
    }
  }

  @Command(name = "rm", description = "Delete a file.")
  static final class Rm implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "IMG") Path img;
    @Mixin DirectOption io;
    @Parameters(index = "1", paramLabel = "NAME") String name;

    @Override
    public Integer call() throws IOException {
      try (PureBlobFileSystem fs = openRw(img, io)) {
        fs.deleteFile(name);
      }
      return Jds.EXIT_OK;
    }
  }

  @Command(name = "mv", description = "Rename OLD to NEW (an existing NEW is replaced, as SPDK does).")
  static final class Mv implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "IMG") Path img;
    @Mixin DirectOption io;
    @Parameters(index = "1", paramLabel = "OLD") String from;
    @Parameters(index = "2", paramLabel = "NEW") String to;

    @Override
    public Integer call() throws IOException {
      try (PureBlobFileSystem fs = openRw(img, io)) {
        fs.renameFile(from, to);
      }
      return Jds.EXIT_OK;
    }
  }

  @Command(name = "fsck",
      description = {"Check an image read-only and print what is wrong, one line each.",
          "With --repair: release md pages that cannot be read (naming the files lost), rebuild the used masks"
              + " from the md pages as SPDK's dirty-load recovery does, unload cleanly, and check again.",
          "On a terminal (or with --progress) it reports on stderr how far it is (md pages, masks, files) and"
              + " ends with a summary line."},
      exitCodeListHeading = "%nExit codes:%n",
      exitCodeList = {
          "0:clean.",
          "1:recoverable: the image was not cleanly unloaded (replayed in memory; the next writable open writes it"
              + " back), or --repair repaired it.",
          "2:corrupt (or still corrupt after --repair), or the image cannot be loaded at all."})
  static final class FsckCmd implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "IMG") Path img;
    @Mixin DirectOption io;
    @Option(names = "--repair", description = "Repair in place (see above); run without it first to see what it finds.")
    boolean repair;
    @Option(names = "--progress", description = "Report progress and a summary on stderr even when it is not a terminal.")
    boolean progress;
    @Option(names = "--progress-every", paramLabel = "N", defaultValue = "10000",
        description = "Without a terminal, with --progress: a progress line every N md pages or files (default 10000).")
    long every;
    @Spec CommandSpec spec;

    @Override
    public Integer call() throws IOException {
      long start = System.nanoTime();
      PrintWriter out = spec.commandLine().getOut();
      boolean terminal = Progress.stderrIsTerminal();
      FsckProgress shown = terminal || progress ? new FsckProgress(spec.commandLine().getErr(), terminal, every) : null;
      Fsck.Report r = report(out, shown);
      Fsck.Report last = r;
      if (repair && r.status() != Fsck.CLEAN) {
        for (String d : Fsck.repair(img, io.direct)) out.println("repair: " + d);
        last = report(out, shown);
      }
      out.flush();
      if (shown != null) {
        summary(spec.commandLine().getErr(), r, last, start);
      }
      return last == r ? r.status() : last.status() == Fsck.CLEAN ? Fsck.RECOVERED : Fsck.CORRUPT;
    }

    /** {@code fsck: IMG: N md pages, F files checked in S s: P problem(s) found[, R repaired], K note(s)}. */
    private void summary(PrintWriter err, Fsck.Report first, Fsck.Report last, long start) {
      String repaired = last == first ? "" : ", " + (first.damage().size() - last.damage().size()) + " repaired";
      err.println(String.format("fsck: %s: %d md pages, %d files checked in %.1f s: %d problem(s) found%s, %d note(s)",
          img, first.mdPages(), first.files(), (System.nanoTime() - start) / 1e9, first.damage().size(), repaired,
          first.notes().size()));
      err.flush();
    }

    private Fsck.Report report(PrintWriter out, FsckProgress shown) throws IOException {
      Fsck.Report r;
      try {
        r = Fsck.run(img, io.direct, shown == null ? FsckListener.NONE : shown);
      } finally {
        if (shown != null) {
          shown.end(); // also before a load failure's error line
        }
      }
      for (String f : r.lines()) out.println(f);
      out.println(switch (r.status()) {
        case Fsck.CLEAN -> "clean";
        case Fsck.RECOVERED -> "recoverable: " + r.notes().size() + " note(s), no damage";
        default -> "corrupt: " + r.damage().size() + " problem(s)";
      });
      return r;
    }
  }

  @Command(name = "dump", description = "Print the super block and every blob's metadata.")
  static final class DumpCmd implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "IMG") Path img;
    @Mixin DirectOption io;
    @Spec CommandSpec spec;

    @Override
    public Integer call() throws IOException {
      Dump.dump(img, spec.commandLine().getOut(), io.direct);
      return Jds.EXIT_OK;
    }
  }
}
