package org.jds.blobfs.blobstore;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.BitSet;
import org.jds.blobfs.CorruptMetadataException;
import org.jds.blobfs.device.BlockDevice;

/**
 * Codec of a mask region (SPDK's {@code struct spdk_bs_md_mask}): {@code u8 type; u32 length_bits;
 * bitmap LSB-first}, zero padded to the region's whole md pages. {@link #read} and {@link #write}
 * are the only way the blobstore and grow reach a mask on the device.
 */
final class BitMask {
  /** The three masks and where the super block puts each. */
  enum Kind {
    USED_PAGES(TYPE_USED_PAGES, "used page mask"),
    USED_CLUSTERS(TYPE_USED_CLUSTERS, "used cluster mask"),
    USED_BLOBIDS(TYPE_USED_BLOBIDS, "used blobid mask");

    final int type;
    final String what;

    Kind(int type, String what) {
      this.type = type;
      this.what = what;
    }

    int startPage(SuperBlock sb) {
      return switch (this) {
        case USED_PAGES -> sb.pageMaskStart;
        case USED_CLUSTERS -> sb.clusterMaskStart;
        case USED_BLOBIDS -> sb.blobidMaskStart;
      };
    }

    int lenPages(SuperBlock sb) {
      return switch (this) {
        case USED_PAGES -> sb.pageMaskLen;
        case USED_CLUSTERS -> sb.clusterMaskLen;
        case USED_BLOBIDS -> sb.blobidMaskLen;
      };
    }
  }

  static final int TYPE_USED_PAGES = 0;
  static final int TYPE_USED_CLUSTERS = 1;
  static final int TYPE_USED_BLOBIDS = 2;
  static final int OFF_TYPE = 0;
  static final int OFF_LENGTH = 1;
  static final int OFF_BITS = 5;

  private BitMask() {}

  /** Number of md pages a mask of {@code bits} needs. */
  static int pagesFor(long bits) {
    return (int) ((OFF_BITS + (bits + 7) / 8 + MdPage.SIZE - 1) / MdPage.SIZE);
  }

  /** Reads and decodes mask {@code k} of the store {@code sb} describes: bits [0, capacity). */
  static BitSet read(BlockDevice dev, Kind k, SuperBlock sb, long capacity) throws IOException {
    byte[] region = new byte[k.lenPages(sb) * MdPage.SIZE];
    long at = (long) k.startPage(sb) * MdPage.SIZE;
    dev.read(at, ByteBuffer.wrap(region));
    return decode(region, k.type, capacity, at, k.what);
  }

  /** Encodes {@code bits} [0, lengthBits) as mask {@code k} and writes its whole region. */
  static void write(BlockDevice dev, Kind k, SuperBlock sb, BitSet bits, long lengthBits) throws IOException {
    dev.write((long) k.startPage(sb) * MdPage.SIZE, ByteBuffer.wrap(encode(k.type, bits, lengthBits, k.lenPages(sb))));
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
    byte[] b = new byte[pages * MdPage.SIZE];
    b[OFF_TYPE] = (byte) type;
    Le.put32(b, OFF_LENGTH, lengthBits);
    for (int i = bits.nextSetBit(0); i >= 0 && i < lengthBits; i = bits.nextSetBit(i + 1)) {
      b[OFF_BITS + (i >>> 3)] |= (byte) (1 << (i & 7));
    }
    return b;
  }
}
