package org.jds.blobfs.tools;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jds.blobfs.blobstore.BlobInfo;
import org.jds.blobfs.blobstore.Blobstore;
import org.jds.blobfs.device.FileBlockDevice;

/**
 * Read-only consistency check of a blobstore/blobfs image. Never writes: the image is opened
 * through a read-only channel and a dirty image is recovered in memory only.
 *
 * <p>Checks: super block (via load), blobs that fail to open (bad crc, flags, extents), masks on
 * disk against an independent recovery scan of the md pages (clean images), clusters owned
 * twice, used clusters and md pages owned by nothing, blob-id bits without a blob, and for
 * blobfs images name/length xattrs, length beyond the allocated clusters and duplicate names.
 */
public final class Fsck {
  private Fsck() {}

  /** Returns the findings, empty when the image is consistent. Load failures are thrown. */
  public static List<String> check(Path img) throws IOException {
    try (Blobstore bs = Blobstore.load(FileBlockDevice.open(img, true, 512), null)) {
      List<String> out = new ArrayList<>();
      if (!bs.wasClean()) out.add("super block: clean=0, the store was not cleanly unloaded (recovered in memory)");
      if (bs.wasClean()) {
        try (Blobstore scan = Blobstore.load(FileBlockDevice.open(img, true, 512), null, true)) {
          diff(out, "used page mask", bs.usedPageMask(), scan.usedPageMask());
          diff(out, "used blobid mask", bs.usedBlobIdMask(), scan.usedBlobIdMask());
          diff(out, "used cluster mask", bs.usedClusterMask(), scan.usedClusterMask());
        }
      }
      check(bs, out);
      return out;
    }
  }

  private static void diff(List<String> out, String what, BitSet disk, BitSet md) {
    BitSet extra = (BitSet) disk.clone();
    extra.andNot(md);
    BitSet missing = (BitSet) md.clone();
    missing.andNot(disk);
    if (!extra.isEmpty()) out.add(what + ": bits set on disk but not reachable from md: " + ranges(extra));
    if (!missing.isEmpty()) out.add(what + ": bits in use by md but clear on disk: " + ranges(missing));
  }

  /** Checks the loaded state (masks in memory) and appends findings. */
  public static void check(Blobstore bs, List<String> out) {
    bs.skippedBlobs().forEach((id, why) -> out.add(String.format("blob 0x%x: cannot be opened: %s", id, why)));
    long mdClusters = bs.totalClusters() - bs.totalDataClusters();
    BitSet owned = new BitSet();
    owned.set(0, (int) mdClusters);
    BitSet pages = new BitSet();
    BitSet ids = new BitSet();
    BitSet usedClusters = bs.usedClusterMask();
    boolean blobfs = "BLOBFS".equals(bs.bstype());
    Map<String, Long> names = new HashMap<>();
    for (long id : bs.blobIds()) {
      BlobInfo b = bs.info(id);
      ids.set((int) (id & 0xffffffffL));
      for (int p : b.chainPages) pages.set(p);
      for (int p : b.extentPages) if (p != 0) pages.set(p);
      for (int c : b.clusters) {
        if (c == 0) continue;
        if (owned.get(c)) out.add(String.format("cluster %d: owned twice (again by blob 0x%x)", c, id));
        owned.set(c);
        if (!usedClusters.get(c)) out.add(String.format("cluster %d: used by blob 0x%x but free in the cluster mask", c, id));
      }
      if (blobfs) checkFile(bs, b, names, out);
    }
    for (long id : bs.skippedBlobs().keySet()) ids.set((int) (id & 0xffffffffL));
    BitSet orphanClusters = (BitSet) usedClusters.clone();
    orphanClusters.andNot(owned);
    if (!orphanClusters.isEmpty()) out.add("used cluster mask: clusters owned by no blob: " + ranges(orphanClusters));
    BitSet orphanPages = bs.usedPageMask();
    orphanPages.andNot(pages);
    if (bs.skippedBlobs().isEmpty() && !orphanPages.isEmpty()) {
      out.add("used page mask: md pages owned by no blob: " + ranges(orphanPages));
    }
    BitSet orphanIds = bs.usedBlobIdMask();
    orphanIds.andNot(ids);
    if (!orphanIds.isEmpty()) out.add("used blobid mask: ids without a blob: " + ranges(orphanIds));
  }

  private static void checkFile(Blobstore bs, BlobInfo b, Map<String, Long> names, List<String> out) {
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
    if (prev != null) out.add(String.format("blob 0x%x: name '%s' also used by blob 0x%x", b.id, s, prev));
    long length = 0;
    for (int i = 7; i >= 0; i--) length = (length << 8) | (len[i] & 0xff);
    long cap = (long) b.numClusters() * bs.clusterSize();
    if (Long.compareUnsigned(length, cap) > 0) {
      out.add(String.format("blob 0x%x: length %s exceeds its %d clusters (%d bytes)", b.id, Long.toUnsignedString(length), b.numClusters(), cap));
    }
    if (b.xattrs.containsKey("is_deleted")) out.add(String.format("blob 0x%x: delete pending (is_deleted), removed at next writable load", b.id));
  }

  static String ranges(BitSet s) {
    StringBuilder sb = new StringBuilder();
    int shown = 0;
    for (int i = s.nextSetBit(0); i >= 0; ) {
      int j = s.nextClearBit(i) - 1;
      if (shown++ == 20) {
        sb.append(", ...");
        break;
      }
      if (sb.length() > 0) sb.append(", ");
      sb.append(i == j ? Integer.toString(i) : i + "-" + j);
      i = s.nextSetBit(j + 1);
    }
    return sb.toString();
  }
}
