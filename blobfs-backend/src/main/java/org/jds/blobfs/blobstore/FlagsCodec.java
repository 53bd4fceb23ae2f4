package org.jds.blobfs.blobstore;

import org.jds.blobfs.CorruptMetadataException;

/**
 * The FLAGS descriptor ({@link Descriptors#FLAGS}, SPDK's {@code spdk_blob_md_descriptor_flags}):
 * {@code u64 invalid_flags, u64 data_ro_flags, u64 md_ro_flags}. Offsets are relative to the body,
 * which follows the descriptor header.
 */
final class FlagsCodec {
  static final int OFF_INVALID = 0;
  static final int OFF_DATA_RO = 8;
  static final int OFF_MD_RO = 16;
  static final int BODY_LEN = 24;

  /** The three flag words as stored. */
  record Flags(long invalid, long dataRo, long mdRo) {}

  private FlagsCodec() {}

  /** Writes the descriptor at {@code at}; returns the bytes used. */
  static int encode(byte[] p, int at, Flags f) {
    Descriptors.header(p, at, Descriptors.FLAGS, BODY_LEN);
    int b = at + MdPage.DESC_HDR;
    Le.put64(p, b + OFF_INVALID, f.invalid());
    Le.put64(p, b + OFF_DATA_RO, f.dataRo());
    Le.put64(p, b + OFF_MD_RO, f.mdRo());
    return MdPage.DESC_HDR + BODY_LEN;
  }

  /** Reads the descriptor {@code d}; {@code what}/{@code at} name it in the error. */
  static Flags decode(byte[] p, MdPage.Desc d, String what, long at) throws CorruptMetadataException {
    if (d.length() != BODY_LEN) throw new CorruptMetadataException(what, at, "FLAGS length " + d.length());
    int b = d.bodyOff();
    return new Flags(Le.i64(p, b + OFF_INVALID), Le.i64(p, b + OFF_DATA_RO), Le.i64(p, b + OFF_MD_RO));
  }
}
