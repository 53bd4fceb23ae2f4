package org.jds.blobfs.blobstore;

import java.util.BitSet;
import org.jds.blobfs.CorruptMetadataException;

/**
 * Codec of a mask region: {@code u8 type; u32 length_bits; bitmap LSB-first}, zero padded to the
 * region's whole pages.
 */
final class BitMask {
  static final int TYPE_USED_PAGES = 0;
  static final int TYPE_USED_CLUSTERS = 1;
  static final int TYPE_USED_BLOBIDS = 2;
  static final int OFF_TYPE = 0;
  static final int OFF_LENGTH = 1;
  static final int OFF_BITS = 5;

  private BitMask() {}

  /** Number of 4 KiB pages a mask of {@code bits} needs. */
  static int pagesFor(long bits) {
    return (int) ((OFF_BITS + (bits + 7) / 8 + 4095) / 4096);
  }

  /**
   * Decodes a region. Returns bits [0, min(stored length, capacity)); a bit beyond the bitmap bytes
   * in the region is a corrupt mask.
   */
  static BitSet decode(byte[] region, int type, long capacity, long regionOffset, String what)
      throws CorruptMetadataException {
    if (Le.u8(region, OFF_TYPE) != type) {
      throw new CorruptMetadataException(what, regionOffset + OFF_TYPE, "mask type " + Le.u8(region, OFF_TYPE) + ", expected " + type);
    }
    long len = Le.u32(region, OFF_LENGTH);
    if (OFF_BITS + (len + 7) / 8 > region.length) {
      throw new CorruptMetadataException(what, regionOffset + OFF_LENGTH, "mask length " + len + " bits exceeds its region");
    }
    int n = (int) Math.min(len, capacity);
    BitSet bs = new BitSet(n);
    for (int i = 0; i < n; i++) {
      if ((region[OFF_BITS + (i >>> 3)] & (1 << (i & 7))) != 0) bs.set(i);
    }
    return bs;
  }

  static byte[] encode(int type, BitSet bits, long lengthBits, int pages) {
    byte[] b = new byte[pages * 4096];
    b[OFF_TYPE] = (byte) type;
    Le.put32(b, OFF_LENGTH, lengthBits);
    for (int i = bits.nextSetBit(0); i >= 0 && i < lengthBits; i = bits.nextSetBit(i + 1)) {
      b[OFF_BITS + (i >>> 3)] |= (byte) (1 << (i & 7));
    }
    return b;
  }
}
