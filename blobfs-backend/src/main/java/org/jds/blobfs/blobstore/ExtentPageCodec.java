package org.jds.blobfs.blobstore;

/**
 * The EXTENT_PAGE descriptor ({@link Descriptors#EXTENT_PAGE}, SPDK's {@code
 * spdk_blob_md_descriptor_extent_page}): {@code u32 start_cluster_idx, u32 cluster_idx[]}, alone on
 * an extent page of up to {@link #EXTENTS_PER_PAGE} clusters. Offsets are relative to the body.
 */
final class ExtentPageCodec {
  static final int OFF_START_CLUSTER = 0;
  static final int OFF_ENTRIES = 4;
  static final int ENTRY_LEN = 4;
  /** SPDK_EXTENTS_PER_EP: clusters one extent page maps. */
  static final int EXTENTS_PER_PAGE = 512;

  private ExtentPageCodec() {}

  /** Writes clusters {@code [from, to)} of {@code clusters} as one descriptor at {@code at}. */
  static int encode(byte[] p, int at, int[] clusters, int from, int to) {
    int len = OFF_ENTRIES + ENTRY_LEN * (to - from);
    Descriptors.header(p, at, Descriptors.EXTENT_PAGE, len);
    int b = at + MdPage.DESC_HDR;
    Le.put32(p, b + OFF_START_CLUSTER, from);
    for (int i = from; i < to; i++) Le.put32(p, b + OFF_ENTRIES + ENTRY_LEN * (i - from), clusters[i]);
    return MdPage.DESC_HDR + len;
  }

  /** Descriptor {@code d}; a malformed one has a {@code problem} and no entries. */
  static Extents decode(byte[] p, MdPage.Desc d) {
    int len = d.length();
    if (len <= OFF_ENTRIES || (len - OFF_ENTRIES) % ENTRY_LEN != 0) {
      return new Extents(p, d.bodyOff(), 0, "EXTENT_PAGE length " + len);
    }
    return new Extents(p, d.bodyOff(), (len - OFF_ENTRIES) / ENTRY_LEN, null);
  }

  /** SPDK's bs_load_cur_extent_page_valid for a whole extent page; null when valid, else why. */
  static String pageProblem(byte[] page) {
    if (!MdPage.crcOk(page)) return "crc mismatch";
    if (MdPage.seq(page) != 0) return "sequence number " + MdPage.seq(page);
    int at = MdPage.OFF_DESCRIPTORS;
    if (Le.u8(page, at + Descriptors.OFF_TYPE) != Descriptors.EXTENT_PAGE) {
      return "first descriptor is type " + Le.u8(page, at + Descriptors.OFF_TYPE) + ", not EXTENT_PAGE";
    }
    long len = MdPage.DESC_HDR + Le.u32(page, at + Descriptors.OFF_LENGTH);
    if (len > MdPage.DESCRIPTORS_LEN) return "descriptor runs past the page";
    if (len + MdPage.DESC_HDR <= MdPage.DESCRIPTORS_LEN && Le.u32(page, at + (int) len + Descriptors.OFF_LENGTH) != 0) {
      return "a second descriptor follows the EXTENT_PAGE";
    }
    return null;
  }

  /** A decoded descriptor; {@code problem} null when well-formed. */
  record Extents(byte[] page, int body, int count, String problem) {
    long startCluster() {
      return Le.u32(page, body + OFF_START_CLUSTER);
    }

    long clusterIdx(int i) {
      return Le.u32(page, body + OFF_ENTRIES + ENTRY_LEN * i);
    }
  }
}
