package org.jds.blobfs.blobstore;

/**
 * The EXTENT_RLE descriptor ({@link Descriptors#EXTENT_RLE}, SPDK's {@code
 * spdk_blob_md_descriptor_extent_rle}): {@code {u32 cluster_idx, u32 length}*}, runs of consecutive
 * clusters (cluster_idx 0: a run of unallocated clusters of a thin blob). Offsets are relative to
 * the start of an entry.
 */
final class ExtentRleCodec {
  static final int OFF_CLUSTER_IDX = 0;
  static final int OFF_LENGTH = 4;
  static final int ENTRY_LEN = 8;

  private ExtentRleCodec() {}

  /** Writes runs {@code [0, n)} as one descriptor at {@code at}; returns the bytes used. */
  static int encode(byte[] p, int at, long[] clusterIdx, long[] length, int n) {
    Descriptors.header(p, at, Descriptors.EXTENT_RLE, ENTRY_LEN * n);
    int b = at + MdPage.DESC_HDR;
    for (int i = 0; i < n; i++) {
      Le.put32(p, b + i * ENTRY_LEN + OFF_CLUSTER_IDX, clusterIdx[i]);
      Le.put32(p, b + i * ENTRY_LEN + OFF_LENGTH, length[i]);
    }
    return MdPage.DESC_HDR + ENTRY_LEN * n;
  }

  /** The runs of descriptor {@code d}: whole entries only (a trailing partial one is not read). */
  static Runs decode(byte[] p, MdPage.Desc d) {
    return new Runs(p, d.bodyOff(), d.length() / ENTRY_LEN, problem(d));
  }

  private static String problem(MdPage.Desc d) {
    return d.length() == 0 || d.length() % ENTRY_LEN != 0 ? "EXTENT_RLE length " + d.length() : null;
  }

  /**
   * A decoded descriptor. {@code problem} is null for a well-formed one, else why it is not (the
   * loader refuses it; recovery, like SPDK's replay, reads the whole entries anyway).
   */
  record Runs(byte[] page, int body, int count, String problem) {
    long clusterIdx(int i) {
      return Le.u32(page, body + i * ENTRY_LEN + OFF_CLUSTER_IDX);
    }

    long length(int i) {
      return Le.u32(page, body + i * ENTRY_LEN + OFF_LENGTH);
    }
  }
}
