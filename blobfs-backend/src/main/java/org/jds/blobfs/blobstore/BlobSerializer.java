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
    pos += FlagsCodec.encode(cur, pos, new FlagsCodec.Flags(m.invalidFlags, m.dataRoFlags, m.mdRoFlags));
    xattrs(m.xattrs, false);
    xattrs(m.internalXattrs, true);
    if (m.useExtentTable) extentTable();
    else extentRle();
  }

  private void xattrs(Map<String, byte[]> map, boolean internal) {
    for (Map.Entry<String, byte[]> e : map.entrySet()) {
      byte[] name = e.getKey().getBytes(StandardCharsets.ISO_8859_1);
      int need = XattrCodec.size(name, e.getValue());
      if (remaining() < need) addPage();
      pos += XattrCodec.encode(cur, pos, internal, name, e.getValue());
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
    int hdr = ExtentTableCodec.emptySize();
    if (remaining() < hdr) return start;
    int curSz = hdr;
    int etIdx = 0;
    int epLen = 1;
    int i;
    int[] eps = m.extentPages;
    int room = (remaining() - hdr) / ExtentTableCodec.ENTRY_LEN;
    int[] pageIdx = new int[Math.max(0, Math.min(room, eps.length - start))];
    int[] numPages = new int[pageIdx.length];
    for (i = start; i < eps.length; i++) {
      if (remaining() < curSz + ExtentTableCodec.ENTRY_LEN) break;
      if (eps[i] == 0 && i + 1 < eps.length && eps[i + 1] == 0) {
        epLen++;
        continue;
      }
      pageIdx[etIdx] = eps[i];
      numPages[etIdx] = epLen;
      etIdx++;
      epLen = 1;
      curSz += ExtentTableCodec.ENTRY_LEN;
    }
    pos += ExtentTableCodec.encode(cur, pos, m.clusters.length, pageIdx, numPages, etIdx);
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
    int curSz = MdPage.DESC_HDR + ExtentRleCodec.ENTRY_LEN;
    if (remaining() < curSz) return start;
    int room = (remaining() - MdPage.DESC_HDR) / ExtentRleCodec.ENTRY_LEN;
    long[] runStart = new long[room];
    long[] runLen = new long[room];
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
      runStart[idx] = lba;
      runLen[idx++] = count;
      curSz += ExtentRleCodec.ENTRY_LEN;
      if (remaining() < curSz) {
        next = i;
        done = false;
        break;
      }
      lba = ci;
      count = 1;
    }
    if (done) {
      runStart[idx] = lba;
      runLen[idx++] = count;
      next = c.length;
    }
    pos += ExtentRleCodec.encode(cur, pos, runStart, runLen, idx);
    return next;
  }

  /** Extent page k: one EXTENT_PAGE descriptor for clusters [512k, min(512k+512, n)), sealed. */
  static byte[] extentPage(BlobMeta m, int k) {
    byte[] p = MdPage.create(m.id, 0);
    int start = k * ExtentPageCodec.EXTENTS_PER_PAGE;
    int end = Math.min(start + ExtentPageCodec.EXTENTS_PER_PAGE, m.clusters.length);
    ExtentPageCodec.encode(p, MdPage.OFF_DESCRIPTORS, m.clusters, start, end);
    MdPage.seal(p, MdPage.INVALID_PAGE);
    return p;
  }
}
