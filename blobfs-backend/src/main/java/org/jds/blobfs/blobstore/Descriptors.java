package org.jds.blobfs.blobstore;

/**
 * The descriptor header of an md page ({@code u8 type, u32 length} of the body that follows) and
 * the type codes. Each body has its codec: {@link FlagsCodec}, {@link XattrCodec} (XATTR and
 * XATTR_INTERNAL), {@link ExtentRleCodec}, {@link ExtentTableCodec}, {@link ExtentPageCodec}.
 */
final class Descriptors {
  static final int PADDING = 0;
  static final int EXTENT_RLE = 1;
  static final int XATTR = 2;
  static final int FLAGS = 3;
  static final int XATTR_INTERNAL = 4;
  static final int EXTENT_TABLE = 5;
  static final int EXTENT_PAGE = 6;

  /** Header fields, relative to the descriptor; the body follows at {@link MdPage#DESC_HDR}. */
  static final int OFF_TYPE = 0;
  static final int OFF_LENGTH = 1;

  private Descriptors() {}

  static void header(byte[] p, int at, int type, int bodyLen) {
    p[at + OFF_TYPE] = (byte) type;
    Le.put32(p, at + OFF_LENGTH, bodyLen);
  }
}
