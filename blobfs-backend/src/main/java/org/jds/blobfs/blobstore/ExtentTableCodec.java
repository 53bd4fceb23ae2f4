package org.jds.blobfs.blobstore;

/**
 * The EXTENT_TABLE descriptor ({@link Descriptors#EXTENT_TABLE}, SPDK's {@code
 * spdk_blob_md_descriptor_extent_table}): {@code u64 num_clusters, {u32 page_idx, u32 num_pages}*}
 * (page_idx 0: a run of unallocated extent pages). Body offsets, then entry offsets.
 */
final class ExtentTableCodec {
  static final int OFF_NUM_CLUSTERS = 0;
  static final int OFF_ENTRIES = 8;
  static final int ENTRY_OFF_PAGE_IDX = 0;
  static final int ENTRY_OFF_NUM_PAGES = 4;
  static final int ENTRY_LEN = 8;

  private ExtentTableCodec() {}

  /** Bytes of a descriptor with no entry, header included. */
  static int emptySize() {
    return MdPage.DESC_HDR + OFF_ENTRIES;
  }

  /** Writes entries {@code [0, n)} as one descriptor at {@code at}; returns the bytes used. */
  static int encode(byte[] p, int at, long numClusters, int[] pageIdx, int[] numPages, int n) {
    int len = OFF_ENTRIES + ENTRY_LEN * n;
    Descriptors.header(p, at, Descriptors.EXTENT_TABLE, len);
    int b = at + MdPage.DESC_HDR;
    Le.put64(p, b + OFF_NUM_CLUSTERS, numClusters);
    for (int i = 0; i < n; i++) {
      int e = b + OFF_ENTRIES + i * ENTRY_LEN;
      Le.put32(p, e + ENTRY_OFF_PAGE_IDX, pageIdx[i]);
      Le.put32(p, e + ENTRY_OFF_NUM_PAGES, numPages[i]);
    }
    return MdPage.DESC_HDR + len;
  }

  /** Descriptor {@code d}; a malformed one has a {@code problem} and no entries. */
  static Table decode(byte[] p, MdPage.Desc d) {
    int len = d.length();
    if (len < OFF_ENTRIES || (len - OFF_ENTRIES) % ENTRY_LEN != 0) {
      return new Table(p, d.bodyOff(), 0, "EXTENT_TABLE length " + len);
    }
    return new Table(p, d.bodyOff(), (len - OFF_ENTRIES) / ENTRY_LEN, null);
  }

  /** A decoded descriptor; {@code problem} null when well-formed. */
  record Table(byte[] page, int body, int count, String problem) {
    long numClusters() {
      return Le.i64(page, body + OFF_NUM_CLUSTERS);
    }

    long pageIdx(int i) {
      return Le.u32(page, body + OFF_ENTRIES + i * ENTRY_LEN + ENTRY_OFF_PAGE_IDX);
    }

    long numPages(int i) {
      return Le.u32(page, body + OFF_ENTRIES + i * ENTRY_LEN + ENTRY_OFF_NUM_PAGES);
    }
  }
}
