package org.jds.blobfs.tools;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jds.blobfs.blobstore.BitRanges;
import org.jds.blobfs.blobstore.BlobInfo;
import org.jds.blobfs.blobstore.Blobstore;
import org.jds.blobfs.device.BlockDevice;
import org.jds.blobfs.device.FileBlockDevice;

/**
 * Consistency check of a blobstore/blobfs image, and its repair. {@link #run} never writes: the
 * image is opened through a read-only channel and a dirty image is recovered in memory only.
 *
 * <p>Checks: super block (via load); everything load itself checks ({@link Blobstore#problems()}:
 * md pages that fail their crc, blobs that fail to open, masks against what the blobs claim);
 * for a clean image whose masks passed that, the masks on disk against an independent recovery
 * scan of every md page; and for blobfs images name/length xattrs, length beyond the allocated
 * clusters and duplicate names.
 *
 * <p>Findings come in two kinds: damage, and notes on what the next writable load resolves by
 * itself (a dirty shutdown replayed, a pending delete, a replace cut short by a crash).
 */
public final class Fsck {
  /** Exit status: nothing found. */
  public static final int CLEAN = 0;
  /** Exit status: only notes; a writable open recovers (the dirty shutdown was replayed in memory). */
  public static final int RECOVERED = 1;
  /** Exit status: damage; {@link #repair} may fix it. */
  public static final int CORRUPT = 2;

  private Fsck() {}

  /**
   * What {@link #run} found.
   *
   * @param damage corruption, one line each
   * @param notes what a writable load resolves by itself, one line each
   * @param mdPages the md pages checked (the image's md_len)
   * @param files the blobs checked (each a file on a blobfs image)
   */
  public record Report(List<String> damage, List<String> notes, long mdPages, long files) {
    /** {@link #CLEAN}, {@link #RECOVERED} or {@link #CORRUPT}. */
    public int status() {
      return !damage.isEmpty() ? CORRUPT : !notes.isEmpty() ? RECOVERED : CLEAN;
    }

    /** Notes, then damage. */
    public List<String> lines() {
      List<String> all = new ArrayList<>(notes);
      all.addAll(damage);
      return all;
    }
  }

  /** Notes and damage in one list, empty when the image is clean. Load failures are thrown. */
  public static List<String> check(Path img) throws IOException {
    return check(img, false);
  }

  /** As {@link #check(Path)}, reading the image with O_DIRECT when {@code direct}. */
  public static List<String> check(Path img, boolean direct) throws IOException {
    return run(img, direct).lines();
  }

  /** Checks the image read-only. Load failures (no blobstore, bad super block) are thrown. */
  public static Report run(Path img, boolean direct) throws IOException {
    return run(img, direct, FsckListener.NONE);
  }

  /** As {@link #run(Path, boolean)}, telling {@code listener} how far it is. */
  public static Report run(Path img, boolean direct, FsckListener listener) throws IOException {
    List<String> damage = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    try (Blobstore bs = Blobstore.load(FileBlockDevice.open(img, true, BlockDevice.SECTOR_SIZE, direct), null, false,
        (done, total) -> listener.progress(FsckListener.Phase.MD_PAGES, done, total))) {
      if (!bs.wasClean()) notes.add("super block: clean=0, the store was not cleanly unloaded (recovered in memory)");
      if (bs.wasClean() && bs.problems().isEmpty()) {
        try (Blobstore scan = Blobstore.load(FileBlockDevice.open(img, true, BlockDevice.SECTOR_SIZE, direct), null, true,
            (done, total) -> listener.progress(FsckListener.Phase.MASKS, done, total))) {
          damage.addAll(scan.problems());
          diff(damage, "used page mask", bs.usedPageMask(), scan.usedPageMask());
          diff(damage, "used blobid mask", bs.usedBlobIdMask(), scan.usedBlobIdMask());
          diff(damage, "used cluster mask", bs.usedClusterMask(), scan.usedClusterMask());
        }
      }
      check(bs, damage, notes, listener);
      return new Report(damage, notes, bs.mdLen(), bs.blobIds().size());
    }
  }

  /**
   * Repairs the image in place ({@link Blobstore#repair}): releases md pages and blobs that cannot
   * be read (naming the files lost), rebuilds the masks from the md pages, unloads cleanly.
   *
   * @return what was done, one line each
   */
  public static List<String> repair(Path img, boolean direct) throws IOException {
    try (FileBlockDevice dev = FileBlockDevice.open(img, false, BlockDevice.SECTOR_SIZE, direct)) {
      return Blobstore.repair(dev);
    }
  }

  private static void diff(List<String> out, String what, BitSet disk, BitSet md) {
    BitSet extra = (BitSet) disk.clone();
    extra.andNot(md);
    BitSet missing = (BitSet) md.clone();
    missing.andNot(disk);
    if (!extra.isEmpty()) out.add(what + ": bits set on disk but not reachable from md: " + BitRanges.of(extra));
    if (!missing.isEmpty()) out.add(what + ": bits in use by md but clear on disk: " + BitRanges.of(missing));
  }

  /** Checks the loaded state and appends findings (damage and notes alike) to {@code out}. */
  public static void check(Blobstore bs, List<String> out) {
    check(bs, out, out, FsckListener.NONE);
  }

  private static void check(Blobstore bs, List<String> damage, List<String> notes, FsckListener listener) {
    damage.addAll(bs.problems());
    if (!"BLOBFS".equals(bs.bstype())) return;
    Map<String, Long> names = new HashMap<>();
    List<Long> ids = bs.blobIds();
    long done = 0;
    for (long id : ids) {
      checkFile(bs, bs.info(id), names, damage, notes);
      listener.progress(FsckListener.Phase.FILES, ++done, ids.size());
    }
  }

  private static void checkFile(Blobstore bs, BlobInfo b, Map<String, Long> names, List<String> out, List<String> notes) {
    byte[] name = b.xattrs.get("name");
    byte[] len = b.xattrs.get("length");
    if (name == null || len == null || len.length != 8) {
      out.add(String.format("blob 0x%x: blobfs file without a valid name/length xattr (orphan)", b.id));
      return;
    }
    int n = 0;
    while (n < name.length && name[n] != 0) n++;
    String s = new String(name, 0, n, StandardCharsets.UTF_8);
    Long prev = names.put(s, b.id);
    // A replace cut short by a crash: the next writable load keeps the higher generation.
    if (prev != null) notes.add(String.format("blob 0x%x: name '%s' also used by blob 0x%x", b.id, s, prev));
    long length = 0;
    for (int i = 7; i >= 0; i--) length = (length << 8) | (len[i] & 0xff);
    long cap = (long) b.numClusters() * bs.clusterSize();
    if (Long.compareUnsigned(length, cap) > 0) {
      out.add(String.format("blob 0x%x: length %s exceeds its %d clusters (%d bytes)", b.id, Long.toUnsignedString(length), b.numClusters(), cap));
    }
    if (b.xattrs.containsKey("is_deleted")) notes.add(String.format("blob 0x%x: delete pending (is_deleted), removed at next writable load", b.id));
  }
}
