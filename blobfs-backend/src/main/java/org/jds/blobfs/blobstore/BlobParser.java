package org.jds.blobfs.blobstore;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jds.blobfs.BlobfsException;
import org.jds.blobfs.CorruptMetadataException;
import org.jds.blobfs.BlobfsNotFoundException;

/**
 * Loads one blob from its md chain and extent pages with the checks of SPDK's blob_load: root id
 * must equal the blob id (else not found), per-page crc, exact FLAGS/XATTR lengths, unknown
 * invalid flags refused, RLE and ET never mixed, extent pages sequential and valid, every mapped
 * cluster inside the store, zero extents only in thin blobs. Unknown descriptor types
 * are skipped (forward compatibility), as SPDK does on open.
 */
final class BlobParser {
  private final PageSource src;
  private final long totalClusters;

  BlobParser(PageSource src, long totalClusters) {
    this.src = src;
    this.totalClusters = totalClusters;
  }

  private static final class State {
    boolean rleFound;
    boolean etFound;
    long remainingInEt;
    final IntList clusters = new IntList();
    final IntList extentPages = new IntList();
  }

  BlobMeta load(long blobId) throws IOException {
    int root = BlobIds.blobIdToPage(blobId);
    if (!BlobIds.isTagged(blobId) || root < 0 || root >= src.mdLen()) {
      throw new BlobfsNotFoundException(String.format("blob 0x%x does not exist", blobId));
    }
    byte[] page = src.readMdPage(root);
    if (!MdPage.crcOk(page)) throw crc(root);
    if (MdPage.id(page) != blobId) {
      throw new BlobfsNotFoundException(String.format("blob 0x%x does not exist (md page %d holds 0x%x)", blobId, root, MdPage.id(page)));
    }
    BlobMeta m = new BlobMeta(blobId);
    State st = new State();
    IntList chain = new IntList();
    chain.add(root);
    Set<Integer> seen = new HashSet<>();
    seen.add(root);
    int cur = root;
    while (true) {
      parsePage(m, st, page, cur);
      long next = MdPage.next(page);
      if (next == MdPage.INVALID_PAGE) break;
      if (next >= src.mdLen() || !seen.add((int) next)) {
        throw new CorruptMetadataException(
            "md page " + cur, src.mdPageOffset(cur) + MdPage.OFF_NEXT, "bad next page " + next);
      }
      cur = (int) next;
      page = src.readMdPage(cur);
      if (!MdPage.crcOk(page)) throw crc(cur);
      chain.add(cur);
    }
    m.pages = chain.toArray();
    m.useExtentTable = st.etFound;
    if (st.etFound) loadExtentPages(m, st);
    m.clusters = st.clusters.toArray();
    m.extentPages = st.extentPages.toArray();
    if ((m.invalidFlags & BlobMeta.FLAG_EXTERNAL_SNAPSHOT) != 0) {
      throw new BlobfsException(String.format("blob 0x%x is an external-snapshot clone, which is not supported", blobId));
    }
    byte[] snap = m.internalXattrs.get(BlobMeta.SNAPSHOT_XATTR);
    if (m.thin() && snap != null) {
      if (snap.length != 8) {
        throw new CorruptMetadataException("md page " + root, src.mdPageOffset(root), "SNAP xattr of " + snap.length + " bytes");
      }
      m.parentId = Le.i64(snap, 0);
    }
    m.markPersisted();
    return m;
  }

  /**
   * Largest blob size accepted (thin blobs may exceed the store): 16x the store or 2^20 clusters,
   * so that a corrupt count cannot make the cluster map exhaust memory.
   */
  private long maxThinClusters() {
    return Math.max(totalClusters * 16L, 1L << 20);
  }

  private CorruptMetadataException crc(int idx) {
    return new CorruptMetadataException("md page " + idx, src.mdPageOffset(idx) + MdPage.OFF_CRC, "crc mismatch");
  }

  private void parsePage(BlobMeta m, State st, byte[] p, int idx) throws IOException {
    long base = src.mdPageOffset(idx);
    String what = "md page " + idx;
    for (MdPage.Desc d : MdPage.descriptors(p, base, what)) {
      long at = base + d.bodyOff() - MdPage.DESC_HDR;
      switch (d.type()) {
        case Descriptors.PADDING -> {}
        case Descriptors.FLAGS -> parseFlags(m, p, d, what, at);
        case Descriptors.XATTR, Descriptors.XATTR_INTERNAL -> parseXattr(m, p, d, what, at);
        case Descriptors.EXTENT_RLE -> parseRle(m, st, p, d, what, at);
        case Descriptors.EXTENT_TABLE -> parseEt(m, st, p, d, what, at);
        case Descriptors.EXTENT_PAGE -> parseEp(m, st, p, d, what, at);
        default -> {} // unknown: skipped, as SPDK does when opening a blob
      }
    }
  }

  private static void parseFlags(BlobMeta m, byte[] p, MdPage.Desc d, String what, long at) throws CorruptMetadataException {
    FlagsCodec.Flags f = FlagsCodec.decode(p, d, what, at);
    long inv = f.invalid();
    long dro = f.dataRo();
    long mro = f.mdRo();
    if ((inv & ~BlobMeta.INVALID_FLAGS_MASK) != 0) {
      throw new CorruptMetadataException(what, at, String.format("unknown invalid_flags 0x%x", inv));
    }
    if ((dro & ~BlobMeta.DATA_RO_FLAGS_MASK) != 0 || (dro & BlobMeta.DATA_RO_READ_ONLY) != 0) {
      m.dataRo = true;
      m.mdRo = true;
    }
    if ((mro & ~BlobMeta.MD_RO_FLAGS_MASK) != 0) m.mdRo = true;
    m.invalidFlags = inv;
    m.dataRoFlags = dro;
    m.mdRoFlags = mro;
  }

  private static void parseXattr(BlobMeta m, byte[] p, MdPage.Desc d, String what, long at) throws CorruptMetadataException {
    XattrCodec.Xattr x = XattrCodec.decode(p, d, what, at);
    (d.type() == Descriptors.XATTR ? m.xattrs : m.internalXattrs).put(x.name(), x.value());
  }

  /**
   * A mapped cluster must lie in the store. Unlike SPDK, a cluster the used-cluster mask marks
   * free does not fail the blob (which would hide the file): the load's {@link MaskCheck} reports
   * the mask instead and keeps the store from being written.
   */
  private void checkCluster(long c, String what, long at) throws CorruptMetadataException {
    if (c >= totalClusters) {
      throw new CorruptMetadataException(what, at, "cluster " + c + " lies beyond the store (" + totalClusters + " clusters)");
    }
  }

  /**
   * The value of user xattr {@code name} in a page that may be damaged (its crc is not checked),
   * as printable text, or null: for naming what a corrupt page held.
   */
  static String xattrHint(byte[] page, String name) {
    try {
      for (MdPage.Desc d : MdPage.descriptors(page, 0, "hint")) {
        if (d.type() != Descriptors.XATTR) continue;
        XattrCodec.Xattr x;
        try {
          x = XattrCodec.decode(page, d, "hint", 0);
        } catch (CorruptMetadataException e) {
          continue; // a damaged xattr names nothing
        }
        if (x.storedNameLen() != name.length() || !name.equals(x.name())) continue;
        byte[] val = x.value();
        int end = 0;
        while (end < val.length && val[end] != 0) end++;
        String v = new String(val, 0, end, StandardCharsets.UTF_8);
        return v.isEmpty() || !v.chars().allMatch(ch -> ch >= 0x20 && ch != 0x7f && ch != 0xfffd) ? null : v;
      }
    } catch (CorruptMetadataException e) {
      // the descriptors themselves are damaged: no name to offer
    }
    return null;
  }

  private void parseRle(BlobMeta m, State st, byte[] p, MdPage.Desc d, String what, long at) throws CorruptMetadataException {
    if (st.etFound) throw new CorruptMetadataException(what, at, "EXTENT_RLE in a blob with an EXTENT_TABLE");
    st.rleFound = true;
    ExtentRleCodec.Runs runs = ExtentRleCodec.decode(p, d);
    if (runs.problem() != null) throw new CorruptMetadataException(what, at, runs.problem());
    for (int r = 0; r < runs.count(); r++) {
      long idx = runs.clusterIdx(r);
      long cnt = runs.length(r);
      long limit = idx != 0 ? totalClusters : maxThinClusters();
      if (st.clusters.size() + cnt > limit) throw new CorruptMetadataException(what, at, "run of " + cnt + " clusters is larger than the store");
      for (long j = 0; j < cnt; j++) {
        if (idx != 0) {
          checkCluster(idx + j, what, at);
          st.clusters.add((int) (idx + j));
        } else if (m.thin()) {
          st.clusters.add(0);
        } else {
          throw new CorruptMetadataException(what, at, "unallocated run in a thick blob");
        }
      }
    }
    if (st.clusters.size() == 0) throw new CorruptMetadataException(what, at, "EXTENT_RLE of zero clusters");
  }

  private void parseEt(BlobMeta m, State st, byte[] p, MdPage.Desc d, String what, long at) throws CorruptMetadataException {
    if (st.rleFound) throw new CorruptMetadataException(what, at, "EXTENT_TABLE in a blob with EXTENT_RLE");
    ExtentTableCodec.Table t = ExtentTableCodec.decode(p, d);
    if (t.problem() != null) throw new CorruptMetadataException(what, at, t.problem());
    long num = t.numClusters();
    if (st.etFound && num != st.remainingInEt) {
      throw new CorruptMetadataException(what, at, "EXTENT_TABLE num_clusters " + num + " differs from " + st.remainingInEt);
    }
    if (num < 0 || num > maxThinClusters()) {
      throw new CorruptMetadataException(what, at, "EXTENT_TABLE num_clusters " + num);
    }
    st.etFound = true;
    st.remainingInEt = num;
    for (int e = 0; e < t.count(); e++) {
      long page = t.pageIdx(e);
      long n = t.numPages(e);
      if (page != 0) {
        st.extentPages.add((int) page);
      } else if (m.thin()) {
        if (st.extentPages.size() + n > BlobMeta.extentPagesFor(num) + 1) {
          throw new CorruptMetadataException(what, at, "EXTENT_TABLE run of " + n + " pages exceeds the blob");
        }
        for (long j = 0; j < n; j++) st.extentPages.add(0);
      } else {
        throw new CorruptMetadataException(what, at, "unallocated extent page in a thick blob");
      }
    }
  }

  /** An EXTENT_PAGE body, from a standalone extent page (or, as SPDK tolerates, a chain page). */
  private void parseEp(BlobMeta m, State st, byte[] p, MdPage.Desc d, String what, long at) throws CorruptMetadataException {
    if (st.rleFound) throw new CorruptMetadataException(what, at, "EXTENT_PAGE in a blob with EXTENT_RLE");
    ExtentPageCodec.Extents ex = ExtentPageCodec.decode(p, d);
    if (ex.problem() != null) throw new CorruptMetadataException(what, at, ex.problem());
    long start = ex.startCluster();
    if (start != st.clusters.size()) {
      throw new CorruptMetadataException(what, at, "EXTENT_PAGE starts at cluster " + start + ", expected " + st.clusters.size());
    }
    int count = ex.count();
    for (int i = 0; i < count; i++) {
      long c = ex.clusterIdx(i);
      if (c != 0) {
        checkCluster(c, what, at);
        st.clusters.add((int) c);
      } else if (m.thin()) {
        st.clusters.add(0);
      } else {
        throw new CorruptMetadataException(what, at, "unallocated cluster in a thick blob");
      }
    }
    st.remainingInEt -= count;
  }

  private void loadExtentPages(BlobMeta m, State st) throws IOException {
    int n = st.extentPages.size();
    for (int i = 0; i < n; i++) {
      int ep = st.extentPages.get(i);
      if (ep != 0) {
        if (ep >= src.mdLen()) {
          throw new CorruptMetadataException("md page " + m.rootPage(), src.mdPageOffset(m.rootPage()), "extent page index " + ep + " beyond md region");
        }
        byte[] page = src.readMdPage(ep);
        String why = ExtentPageCodec.pageProblem(page);
        if (why != null) throw new CorruptMetadataException("extent page " + ep, src.mdPageOffset(ep), why);
        if (MdPage.next(page) != MdPage.INVALID_PAGE) {
          throw new CorruptMetadataException("extent page " + ep, src.mdPageOffset(ep) + MdPage.OFF_NEXT, "extent page has a next page");
        }
        parsePage(m, st, page, ep);
      } else {
        long sz = Math.min(st.remainingInEt, ExtentPageCodec.EXTENTS_PER_PAGE);
        if (sz < 0) sz = 0;
        for (long j = 0; j < sz; j++) st.clusters.add(0);
        st.remainingInEt -= sz;
      }
    }
  }

  /** Growable int array (avoids boxing for 10^5-cluster blobs). */
  static final class IntList {
    private int[] a = new int[16];
    private int n;

    void add(int v) {
      if (n == a.length) a = Arrays.copyOf(a, n * 2);
      a[n++] = v;
    }

    int get(int i) {
      return a[i];
    }

    int size() {
      return n;
    }

    void clear() {
      n = 0;
    }

    int[] toArray() {
      return Arrays.copyOf(a, n);
    }

    List<Integer> boxed() {
      List<Integer> l = new ArrayList<>(n);
      for (int i = 0; i < n; i++) l.add(a[i]);
      return l;
    }
  }
}
