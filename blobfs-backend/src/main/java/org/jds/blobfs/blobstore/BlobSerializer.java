package org.jds.blobfs.blobstore;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Builds a blob's md chain exactly as SPDK's blob_serialize does: FLAGS, user xattrs, internal
 * xattrs, then EXTENT_TABLE (or EXTENT_RLE) descriptors; a descriptor that does not fit goes whole
 * to a new page; extent descriptors continue on new pages. Pages come back unsealed (next/crc are
 * set once their md page indices are known).
 */
final class BlobSerializer {
  private final BlobMeta m;
  private final List<byte[]> pages = new ArrayList<>();
  private byte[] cur;
  /** Offset in {@code cur} of the next free descriptor byte. */
  private int pos;

  private BlobSerializer(BlobMeta m) {
    this.m = m;
  }

  static List<byte[]> serialize(BlobMeta m) {
    BlobSerializer s = new BlobSerializer(m);
    s.run();
    return s.pages;
  }

  private int remaining() {
    return MdPage.OFF_DESCRIPTORS + MdPage.DESCRIPTORS_LEN - pos;
  }

  private void addPage() {
    cur = MdPage.create(m.id, pages.size());
    pages.add(cur);
    pos = MdPage.OFF_DESCRIPTORS;
  }

  private void run() {
    addPage();
    pos += Descriptors.putFlags(cur, pos, m.invalidFlags, m.dataRoFlags, m.mdRoFlags);
    xattrs(m.xattrs, false);
    xattrs(m.internalXattrs, true);
    if (m.useExtentTable) extentTable();
    else extentRle();
  }

  private void xattrs(Map<String, byte[]> map, boolean internal) {
    for (Map.Entry<String, byte[]> e : map.entrySet()) {
      byte[] name = e.getKey().getBytes(StandardCharsets.ISO_8859_1);
      int need = Descriptors.xattrSize(name, e.getValue());
      if (remaining() < need) addPage();
      pos += Descriptors.putXattr(cur, pos, internal, name, e.getValue());
    }
  }

  /** SPDK's blob_serialize_extent_table loop, including its run merging of unallocated pages. */
  private void extentTable() {
    int num = m.extentPages.length;
    int last = 0;
    while (last <= num) {
      last = extentTableEntry(last);
      if (last == num) break;
      addPage();
    }
  }

  private int extentTableEntry(int start) {
    int hdr = MdPage.DESC_HDR + Descriptors.ET_OFF_ENTRIES;
    if (remaining() < hdr) return start;
    int at = pos;
    int body = at + MdPage.DESC_HDR;
    Le.put64(cur, body + Descriptors.ET_OFF_NUM_CLUSTERS, m.clusters.length);
    int curSz = hdr;
    int etIdx = 0;
    int epLen = 1;
    int i;
    int[] eps = m.extentPages;
    for (i = start; i < eps.length; i++) {
      if (remaining() < curSz + Descriptors.ET_ENTRY) break;
      if (eps[i] == 0 && i + 1 < eps.length && eps[i + 1] == 0) {
        epLen++;
        continue;
      }
      int e = body + Descriptors.ET_OFF_ENTRIES + etIdx * Descriptors.ET_ENTRY;
      Le.put32(cur, e, eps[i]);
      Le.put32(cur, e + 4, epLen);
      etIdx++;
      epLen = 1;
      curSz += Descriptors.ET_ENTRY;
    }
    int len = Descriptors.ET_OFF_ENTRIES + Descriptors.ET_ENTRY * etIdx;
    Descriptors.header(cur, at, Descriptors.EXTENT_TABLE, len);
    pos += MdPage.DESC_HDR + len;
    return i;
  }

  private void extentRle() {
    int n = m.clusters.length;
    int last = 0;
    while (last < n) {
      last = extentRleEntry(last);
      if (last == n) break;
      addPage();
    }
  }

  /** SPDK's blob_serialize_extent_rle: runs of consecutive clusters, or of unallocated ones. */
  private int extentRleEntry(int start) {
    int curSz = MdPage.DESC_HDR + Descriptors.RLE_ENTRY;
    if (remaining() < curSz) return start;
    int at = pos;
    int body = at + MdPage.DESC_HDR;
    int[] c = m.clusters;
    long lba = c[start] & 0xffffffffL;
    long count = 1;
    int idx = 0;
    int next = start;
    boolean done = true;
    for (int i = start + 1; i < c.length; i++) {
      long ci = c[i] & 0xffffffffL;
      if (lba != 0 && lba + count == ci) {
        count++;
        continue;
      } else if (lba == 0 && ci == 0) {
        count++;
        continue;
      }
      putRun(body, idx++, lba, count);
      curSz += Descriptors.RLE_ENTRY;
      if (remaining() < curSz) {
        next = i;
        done = false;
        break;
      }
      lba = ci;
      count = 1;
    }
    if (done) {
      putRun(body, idx++, lba, count);
      next = c.length;
    }
    int len = Descriptors.RLE_ENTRY * idx;
    Descriptors.header(cur, at, Descriptors.EXTENT_RLE, len);
    pos += MdPage.DESC_HDR + len;
    return next;
  }

  private void putRun(int body, int idx, long cluster, long count) {
    Le.put32(cur, body + idx * Descriptors.RLE_ENTRY, cluster);
    Le.put32(cur, body + idx * Descriptors.RLE_ENTRY + 4, count);
  }

  /** Extent page k: one EXTENT_PAGE descriptor for clusters [512k, min(512k+512, n)), sealed. */
  static byte[] extentPage(BlobMeta m, int k) {
    byte[] p = MdPage.create(m.id, 0);
    int start = k * Descriptors.EXTENTS_PER_EP;
    int end = Math.min(start + Descriptors.EXTENTS_PER_EP, m.clusters.length);
    int at = MdPage.OFF_DESCRIPTORS;
    int body = at + MdPage.DESC_HDR;
    Le.put32(p, body + Descriptors.EP_OFF_START, start);
    for (int i = start; i < end; i++) {
      Le.put32(p, body + Descriptors.EP_OFF_ENTRIES + 4 * (i - start), m.clusters[i]);
    }
    Descriptors.header(p, at, Descriptors.EXTENT_PAGE, Descriptors.EP_OFF_ENTRIES + 4 * (end - start));
    MdPage.seal(p, MdPage.INVALID_PAGE);
    return p;
  }
}
