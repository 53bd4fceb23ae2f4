package org.jds.blobfs.blobstore;

/**
 * Codecs of the md descriptors (type codes, body layouts and sizes). Offsets are relative to the
 * descriptor body, which follows the 5-byte header.
 */
final class Descriptors {
  static final int PADDING = 0;
  static final int EXTENT_RLE = 1;
  static final int XATTR = 2;
  static final int FLAGS = 3;
  static final int XATTR_INTERNAL = 4;
  static final int EXTENT_TABLE = 5;
  static final int EXTENT_PAGE = 6;

  /** FLAGS body: u64 invalid, u64 data_ro, u64 md_ro. */
  static final int FLAGS_BODY = 24;
  static final int FLAGS_OFF_INVALID = 0;
  static final int FLAGS_OFF_DATA_RO = 8;
  static final int FLAGS_OFF_MD_RO = 16;

  /** XATTR body: u16 name_len, u16 value_len, name, value. */
  static final int XATTR_OFF_NAME_LEN = 0;
  static final int XATTR_OFF_VALUE_LEN = 2;
  static final int XATTR_OFF_NAME = 4;

  /** EXTENT_RLE body: {u32 cluster_idx, u32 count}*. */
  static final int RLE_ENTRY = 8;

  /** EXTENT_TABLE body: u64 num_clusters, {u32 page_idx, u32 num_pages}*. */
  static final int ET_OFF_NUM_CLUSTERS = 0;
  static final int ET_OFF_ENTRIES = 8;
  static final int ET_ENTRY = 8;

  /** EXTENT_PAGE body: u32 start_cluster_idx, u32 cluster_idx[]. */
  static final int EP_OFF_START = 0;
  static final int EP_OFF_ENTRIES = 4;
  static final int EXTENTS_PER_EP = 512;

  private Descriptors() {}

  static void header(byte[] p, int at, int type, int bodyLen) {
    p[at] = (byte) type;
    Le.put32(p, at + 1, bodyLen);
  }

  /** Writes FLAGS at {@code at}; returns bytes used. */
  static int putFlags(byte[] p, int at, long invalid, long dataRo, long mdRo) {
    header(p, at, FLAGS, FLAGS_BODY);
    int b = at + MdPage.DESC_HDR;
    Le.put64(p, b + FLAGS_OFF_INVALID, invalid);
    Le.put64(p, b + FLAGS_OFF_DATA_RO, dataRo);
    Le.put64(p, b + FLAGS_OFF_MD_RO, mdRo);
    return MdPage.DESC_HDR + FLAGS_BODY;
  }

  static int xattrSize(byte[] name, byte[] value) {
    return MdPage.DESC_HDR + XATTR_OFF_NAME + name.length + value.length;
  }

  static int putXattr(byte[] p, int at, boolean internal, byte[] name, byte[] value) {
    header(p, at, internal ? XATTR_INTERNAL : XATTR, XATTR_OFF_NAME + name.length + value.length);
    int b = at + MdPage.DESC_HDR;
    Le.put16(p, b + XATTR_OFF_NAME_LEN, name.length);
    Le.put16(p, b + XATTR_OFF_VALUE_LEN, value.length);
    System.arraycopy(name, 0, p, b + XATTR_OFF_NAME, name.length);
    System.arraycopy(value, 0, p, b + XATTR_OFF_NAME + name.length, value.length);
    return xattrSize(name, value);
  }
}
