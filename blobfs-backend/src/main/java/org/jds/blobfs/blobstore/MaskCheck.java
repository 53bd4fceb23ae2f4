package org.jds.blobfs.blobstore;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;

/**
 * Cross-checks the used-page and used-cluster masks against what the loaded blobs claim, at every
 * load. A clean image's masks are trusted by allocation, so a mask bit cleared by damage would let
 * new data overwrite a file or the metadata region; a bit set without an owner only leaks space
 * but still means the mask is not what was written. In memory only: the md pages were read by the
 * load anyway.
 *
 * <p>Findings, one line each: metadata-region clusters marked free, clusters or md pages in use
 * but marked free, clusters claimed twice or inside the metadata region, and (only when every blob
 * opened, since a blob that did not open claims what nobody can see) bits set that nothing claims.
 */
final class MaskCheck {
  private MaskCheck() {}

  /**
   * The findings, and the md pages marked used that no blob claims (empty unless every blob
   * opened): a root among them is a blob whose blob-id bit was lost.
   */
  record Result(List<String> problems, BitSet unownedPages) {}

  static Result run(Map<Long, BlobMeta> blobs, boolean allOpened, UsedMask usedPages, UsedMask usedClusters,
      int numMdClusters) {
    List<String> out = new ArrayList<>();
    BitSet md = new BitSet();
    md.set(0, numMdClusters);
    BitSet clusters = new BitSet();
    BitSet pages = new BitSet();
    for (BlobMeta m : blobs.values()) {
      for (int p : m.pages) pages.set(p);
      for (int p : m.extentPages) if (p != 0) pages.set(p);
      for (int c : m.clusters) {
        if (c == 0) continue;
        if (c < numMdClusters) out.add(String.format("blob 0x%x: cluster %d lies in the metadata region", m.id, c));
        else if (clusters.get(c)) out.add(String.format("blob 0x%x: cluster %d is also mapped by another blob", m.id, c));
        clusters.set(c);
      }
    }
    missing(out, "used cluster mask", "metadata-region clusters", md, usedClusters.bits());
    clusters.andNot(md);
    missing(out, "used cluster mask", "clusters mapped by blobs", clusters, usedClusters.bits());
    missing(out, "used page mask", "md pages of blobs", pages, usedPages.bits());
    BitSet unownedPages = new BitSet();
    if (allOpened) {
      clusters.or(md);
      unowned(out, "used cluster mask", "clusters", usedClusters.bits(), clusters);
      unownedPages = unowned(out, "used page mask", "md pages", usedPages.bits(), pages);
    }
    return new Result(out, unownedPages);
  }

  private static void missing(List<String> out, String mask, String what, BitSet claimed, BitSet mask0) {
    BitSet m = (BitSet) claimed.clone();
    m.andNot(mask0);
    if (!m.isEmpty()) out.add(mask + ": " + what + " marked free: " + BitRanges.of(m));
  }

  private static BitSet unowned(List<String> out, String mask, String what, BitSet mask0, BitSet claimed) {
    BitSet m = (BitSet) mask0.clone();
    m.andNot(claimed);
    if (!m.isEmpty()) out.add(mask + ": " + what + " marked used but owned by no blob: " + BitRanges.of(m));
    return m;
  }
}
