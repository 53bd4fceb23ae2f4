package org.jds.blobfs.blobstore;

import java.io.IOException;
import java.util.BitSet;
import org.jds.blobfs.CorruptMetadataException;

/**
 * SPDK's dirty-load recovery (bs_recover / bs_load_replay_*): rebuilds the page, blob-id and
 * cluster masks by scanning md pages from index 0, following chains from valid root pages and the
 * extent pages their tables name. Only computes; the caller decides whether to write the masks.
 */
final class Recovery {
  final BitSet usedPages = new BitSet();
  final BitSet usedBlobIds = new BitSet();
  final BitSet usedClusters = new BitSet();
  /** "Recover: blob" notices SPDK would log, as page indices. */
  final BlobParser.IntList recoveredRoots = new BlobParser.IntList();
  /** SPDK logs "Recover: cluster N" once per cluster of every EXTENT_RLE run it replays. */
  long rleClusterNotices;
  /**
   * Pages that fail their crc but are not zero. The writer zeroes every page it frees and makes
   * new pages reachable only after writing them whole, so such a page is damage (a flipped bit, a
   * torn write), often a lost file's root; SPDK drops it silently, this scan reports it.
   */
  final BitSet corruptPages = new BitSet();

  private final PageSource src;
  private final long totalClusters;
  private final BlobParser.IntList queuedExtentPages = new BlobParser.IntList();

  Recovery(PageSource src, long totalClusters) {
    this.src = src;
    this.totalClusters = totalClusters;
  }

  /** Scans the md region; {@code listener} hears how many of its md pages are behind. */
  void run(int numMdClusters, LoadListener listener) throws IOException {
    int mdLen = src.mdLen();
    int pageIndex = 0;
    while (pageIndex < mdLen) {
      replayChain(pageIndex);
      do {
        pageIndex++;
      } while (pageIndex < mdLen && usedPages.get(pageIndex));
      listener.mdPages(pageIndex, mdLen);
    }
    for (int i = 0; i < numMdClusters && i < totalClusters; i++) usedClusters.set(i);
  }

  private boolean valid(byte[] p, int index) {
    if (!MdPage.crcOk(p)) return false;
    return MdPage.seq(p) != 0 || MdPage.id(p) == BlobIds.pageToBlobId(index);
  }

  private void replayChain(int start) throws IOException {
    int cur = start;
    boolean inChain = false;
    while (true) {
      byte[] p = src.readMdPage(cur);
      if (!MdPage.crcOk(p) && !MdPage.isZero(p)) corruptPages.set(cur);
      if (!valid(p, cur) || !(MdPage.seq(p) == 0 || inChain)) return;
      usedPages.set(cur);
      if (MdPage.seq(p) == 0) {
        usedBlobIds.set(cur);
        recoveredRoots.add(cur);
      }
      parse(p, cur);
      long next = MdPage.next(p);
      if (next != MdPage.INVALID_PAGE) {
        if (next >= src.mdLen() || usedPages.get((int) next)) return; // bad or looping chain ends it
        inChain = true;
        cur = (int) next;
        continue;
      }
      if (queuedExtentPages.size() != 0) replayExtentPages();
      return;
    }
  }

  private void replayExtentPages() throws IOException {
    int n = queuedExtentPages.size();
    for (int i = 0; i < n; i++) {
      int ep = queuedExtentPages.get(i);
      if (ep >= src.mdLen()) {
        throw new CorruptMetadataException("extent table", src.mdPageOffset(0), "extent page index " + ep + " beyond md region");
      }
      byte[] p = src.readMdPage(ep);
      String why = ExtentPageCodec.pageProblem(p);
      if (why != null) throw new CorruptMetadataException("extent page " + ep, src.mdPageOffset(ep), "recovery: " + why);
      usedPages.set(ep);
      parse(p, ep);
    }
    queuedExtentPages.clear();
  }

  /** bs_load_replay_md_parse_page: marks clusters, queues extent pages; unknown types are fatal. */
  private void parse(byte[] p, int idx) throws IOException {
    long base = src.mdPageOffset(idx);
    String what = "md page " + idx;
    for (MdPage.Desc d : MdPage.descriptors(p, base, what)) {
      long at = base + d.bodyOff() - MdPage.DESC_HDR;
      switch (d.type()) {
        case Descriptors.PADDING, Descriptors.XATTR, Descriptors.XATTR_INTERNAL, Descriptors.FLAGS -> {}
        case Descriptors.EXTENT_RLE -> {
          // lenient as SPDK's replay: a length that is not whole entries is read up to the last one
          ExtentRleCodec.Runs runs = ExtentRleCodec.decode(p, d);
          long count = 0;
          for (int r = 0; r < runs.count(); r++) {
            long c = runs.clusterIdx(r);
            long n = runs.length(r);
            if (c != 0) {
              for (long j = 0; j < n && c + j < totalClusters; j++) markCluster(c + j, what, at);
              rleClusterNotices += n;
            }
            count += n;
          }
          if (count == 0) throw new CorruptMetadataException(what, at, "recovery: EXTENT_RLE of zero clusters");
        }
        case Descriptors.EXTENT_PAGE -> {
          ExtentPageCodec.Extents ex = ExtentPageCodec.decode(p, d);
          if (ex.problem() != null) throw new CorruptMetadataException(what, at, "recovery: " + ex.problem());
          for (int i = 0; i < ex.count(); i++) {
            long c = ex.clusterIdx(i);
            if (c != 0) markCluster(c, what, at);
          }
        }
        case Descriptors.EXTENT_TABLE -> {
          ExtentTableCodec.Table t = ExtentTableCodec.decode(p, d);
          if (t.problem() != null) throw new CorruptMetadataException(what, at, "recovery: " + t.problem());
          for (int e = 0; e < t.count(); e++) {
            long page = t.pageIdx(e);
            if (page == 0) continue;
            if (t.numPages(e) != 1) throw new CorruptMetadataException(what, at, "recovery: extent table entry with num_pages != 1");
            queuedExtentPages.add((int) page);
          }
        }
        default -> throw new CorruptMetadataException(what, at, "recovery: unknown descriptor type " + d.type());
      }
    }
  }

  private void markCluster(long c, String what, long at) throws CorruptMetadataException {
    // SPDK ignores out-of-range bits here; the blob then fails to open and is skipped.
    if (c < totalClusters) usedClusters.set((int) c);
  }
}
