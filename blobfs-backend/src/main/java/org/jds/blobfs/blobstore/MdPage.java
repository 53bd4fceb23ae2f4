package org.jds.blobfs.blobstore;

import java.util.ArrayList;
import java.util.List;
import org.jds.blobfs.CorruptMetadataException;

/**
 * Codec of {@code struct spdk_blob_md_page}: header, packed descriptors, next pointer and crc. Also
 * walks the descriptors with SPDK's parse rules plus a bounds check SPDK lacks.
 */
final class MdPage {
  static final int SIZE = 4096;
  static final int OFF_ID = 0;
  static final int OFF_SEQ = 8;
  static final int OFF_RESERVED = 12;
  static final int OFF_DESCRIPTORS = 16;
  static final int DESCRIPTORS_LEN = 4072;
  static final int OFF_NEXT = 4088;
  static final int OFF_CRC = 4092;
  static final long INVALID_PAGE = 0xFFFFFFFFL;
  /** Descriptor header: u8 type, u32 length (body bytes after the header). */
  static final int DESC_HDR = 5;

  private MdPage() {}

  static long id(byte[] p) {
    return Le.i64(p, OFF_ID);
  }

  static long seq(byte[] p) {
    return Le.u32(p, OFF_SEQ);
  }

  static long next(byte[] p) {
    return Le.u32(p, OFF_NEXT);
  }

  static boolean crcOk(byte[] p) {
    return Le.i32(p, OFF_CRC) == Crc.compute(p);
  }

  /** Whether every byte is zero: a free page as the writer leaves it. */
  static boolean isZero(byte[] p) {
    for (byte b : p) if (b != 0) return false;
    return true;
  }

  /** A zeroed page with its header filled in ({@code next} = invalid until sealed). */
  static byte[] create(long id, long seq) {
    byte[] p = new byte[SIZE];
    Le.put64(p, OFF_ID, id);
    Le.put32(p, OFF_SEQ, seq);
    Le.put32(p, OFF_NEXT, INVALID_PAGE);
    return p;
  }

  /** Sets {@code next} and then the crc, which must come last. */
  static void seal(byte[] p, long next) {
    Le.put32(p, OFF_NEXT, next);
    Le.put32(p, OFF_CRC, Crc.compute(p));
  }

  /** One descriptor found in a page: type and the page offset/length of its body. */
  record Desc(int type, int bodyOff, int length) {}

  /**
   * Lists the descriptors of a page: stops at a type-0/length-0 header or when no header fits; a
   * body running past the descriptor area is corrupt (where SPDK would read out of bounds).
   */
  static List<Desc> descriptors(byte[] p, long pageByteOffset, String what) throws CorruptMetadataException {
    List<Desc> out = new ArrayList<>();
    int cur = 0;
    while (cur + DESC_HDR <= DESCRIPTORS_LEN) {
      int at = OFF_DESCRIPTORS + cur;
      int type = Le.u8(p, at + Descriptors.OFF_TYPE);
      long len = Le.u32(p, at + Descriptors.OFF_LENGTH);
      if (type == 0 && len == 0) break;
      if (cur + DESC_HDR + len > DESCRIPTORS_LEN) {
        throw new CorruptMetadataException(
            what, pageByteOffset + at, "descriptor type " + type + " length " + len + " runs past the page");
      }
      out.add(new Desc(type, at + DESC_HDR, (int) len));
      cur += DESC_HDR + (int) len;
    }
    return out;
  }
}
