package org.jds.blobfs.blobstore;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.jds.blobfs.CorruptMetadataException;
import org.jds.blobfs.device.BlockDevice;

/**
 * Codec and value of {@code struct spdk_bs_super_block} (4096 bytes at byte 0). Each field has one
 * offset constant, read only by {@link #decode} and written only by {@link #encode}.
 */
public final class SuperBlock {
  public static final int SIZE = 4096;
  static final byte[] SIGNATURE = "SPDKBLOB".getBytes(StandardCharsets.US_ASCII);
  public static final int VERSION_MIN = 1;
  public static final int VERSION = 3;
  public static final long BLOBID_INVALID = -1L;
  public static final int BSTYPE_LEN = 16;

  static final int OFF_SIGNATURE = 0;
  static final int OFF_VERSION = 8;
  static final int OFF_LENGTH = 12;
  static final int OFF_CLEAN = 16;
  static final int OFF_SUPER_BLOB = 20;
  static final int OFF_CLUSTER_SIZE = 28;
  static final int OFF_PAGE_MASK_START = 32;
  static final int OFF_PAGE_MASK_LEN = 36;
  static final int OFF_CLUSTER_MASK_START = 40;
  static final int OFF_CLUSTER_MASK_LEN = 44;
  static final int OFF_MD_START = 48;
  static final int OFF_MD_LEN = 52;
  static final int OFF_BSTYPE = 56;
  static final int OFF_BLOBID_MASK_START = 72;
  static final int OFF_BLOBID_MASK_LEN = 76;
  static final int OFF_SIZE = 80;
  static final int OFF_IO_UNIT = 88;
  static final int OFF_MD_PAGE_SIZE = 92;
  static final int OFF_CRC = 4092;

  public int version = VERSION;
  public boolean clean;
  public long superBlob = BLOBID_INVALID;
  public int clusterSize;
  public int pageMaskStart;
  public int pageMaskLen;
  public int clusterMaskStart;
  public int clusterMaskLen;
  public int mdStart;
  public int mdLen;
  public byte[] bstype = new byte[BSTYPE_LEN];
  public int blobidMaskStart;
  public int blobidMaskLen;
  /** Store size in bytes as on disk (0 in old images = device size). */
  public long size;
  /** As on disk (0 in old images = 4096). */
  public int ioUnitSize;
  /** As on disk (0 in old images = 4096). */
  public int mdPageSize;

  public int effectiveIoUnit() {
    return ioUnitSize == 0 ? MdPage.SIZE : ioUnitSize;
  }

  public long totalClusters(long deviceSize) {
    return (size == 0 ? deviceSize : size) / clusterSize;
  }

  public String bstypeString() {
    int n = 0;
    while (n < BSTYPE_LEN && bstype[n] != 0) n++;
    return new String(bstype, 0, n, StandardCharsets.ISO_8859_1);
  }

  /**
   * Parses and validates signature, version, crc (SPDK's checks), then bstype and size, then the
   * geometry this engine relies on. {@code wantedBstype} null or all-zero is the wildcard.
   */
  public static SuperBlock decode(byte[] b, long deviceSize, byte[] wantedBstype)
      throws CorruptMetadataException {
    String s = "super block";
    // SPDK checks version first; all three checks give EILSEQ there. The signature goes first
    // here so that a device that is no blobstore at all is reported as such.
    if (!Arrays.equals(b, OFF_SIGNATURE, OFF_SIGNATURE + 8, SIGNATURE, 0, 8)) {
      throw new CorruptMetadataException(s, OFF_SIGNATURE, "bad signature (not an SPDK blobstore)");
    }
    int version = Le.i32(b, OFF_VERSION);
    if (version < VERSION_MIN || version > VERSION) {
      throw new CorruptMetadataException(s, OFF_VERSION, "unsupported version " + version);
    }
    int crc = Le.i32(b, OFF_CRC);
    if (crc != Crc.compute(b)) {
      throw new CorruptMetadataException(
          s, OFF_CRC, String.format("crc mismatch: stored 0x%08x, computed 0x%08x", crc, Crc.compute(b)));
    }
    SuperBlock sb = new SuperBlock();
    sb.version = version;
    sb.clean = Le.i32(b, OFF_CLEAN) != 0;
    sb.superBlob = Le.i64(b, OFF_SUPER_BLOB);
    sb.clusterSize = Le.i32(b, OFF_CLUSTER_SIZE);
    sb.pageMaskStart = Le.i32(b, OFF_PAGE_MASK_START);
    sb.pageMaskLen = Le.i32(b, OFF_PAGE_MASK_LEN);
    sb.clusterMaskStart = Le.i32(b, OFF_CLUSTER_MASK_START);
    sb.clusterMaskLen = Le.i32(b, OFF_CLUSTER_MASK_LEN);
    sb.mdStart = Le.i32(b, OFF_MD_START);
    sb.mdLen = Le.i32(b, OFF_MD_LEN);
    sb.bstype = Arrays.copyOfRange(b, OFF_BSTYPE, OFF_BSTYPE + BSTYPE_LEN);
    sb.blobidMaskStart = Le.i32(b, OFF_BLOBID_MASK_START);
    sb.blobidMaskLen = Le.i32(b, OFF_BLOBID_MASK_LEN);
    sb.size = Le.i64(b, OFF_SIZE);
    sb.ioUnitSize = Le.i32(b, OFF_IO_UNIT);
    sb.mdPageSize = Le.i32(b, OFF_MD_PAGE_SIZE);
    if (wantedBstype != null && !isZero(wantedBstype) && !Arrays.equals(wantedBstype, sb.bstype)) {
      throw new CorruptMetadataException(
          s, OFF_BSTYPE, "bstype '" + sb.bstypeString() + "' does not match the expected type");
    }
    if (sb.size < 0 || Long.compareUnsigned(sb.size, deviceSize) > 0) {
      throw new CorruptMetadataException(
          s, OFF_SIZE, "size mismatch: super block says " + Long.toUnsignedString(sb.size)
              + " bytes, device has " + deviceSize);
    }
    sb.checkGeometry(deviceSize);
    return sb;
  }

  /** Rejects geometry that would make later arithmetic or I/O go out of bounds. */
  private void checkGeometry(long deviceSize) throws CorruptMetadataException {
    String s = "super block";
    int pageSize = mdPageSize == 0 ? MdPage.SIZE : mdPageSize;
    if (pageSize != MdPage.SIZE) {
      throw new CorruptMetadataException(s, OFF_MD_PAGE_SIZE, "md_page_size " + pageSize + " unsupported (only 4096)");
    }
    int io = effectiveIoUnit();
    if (io <= 0 || (io & (io - 1)) != 0 || io > MdPage.SIZE) {
      throw new CorruptMetadataException(s, OFF_IO_UNIT, "bad io_unit_size " + io);
    }
    if (clusterSize <= 0 || clusterSize % MdPage.SIZE != 0) {
      throw new CorruptMetadataException(s, OFF_CLUSTER_SIZE, "bad cluster_size " + clusterSize);
    }
    long total = totalClusters(deviceSize);
    long pages = (size == 0 ? deviceSize : size) / MdPage.SIZE;
    if (total <= 0 || total > Integer.MAX_VALUE) {
      throw new CorruptMetadataException(s, OFF_SIZE, "store holds no cluster or too many: " + total);
    }
    checkRegion(pageMaskStart, pageMaskLen, pages, OFF_PAGE_MASK_START);
    checkRegion(clusterMaskStart, clusterMaskLen, pages, OFF_CLUSTER_MASK_START);
    checkRegion(blobidMaskStart, blobidMaskLen, pages, OFF_BLOBID_MASK_START);
    checkRegion(mdStart, mdLen, pages, OFF_MD_START);
    if (mdLen <= 0) throw new CorruptMetadataException(s, OFF_MD_LEN, "md_len " + mdLen);
    // Masks are sized for their bits; anything far larger is corrupt (and would waste memory).
    checkMaskLen(pageMaskLen, mdLen, OFF_PAGE_MASK_LEN);
    checkMaskLen(clusterMaskLen, total, OFF_CLUSTER_MASK_LEN);
    if (blobidMaskLen != 0) checkMaskLen(blobidMaskLen, mdLen, OFF_BLOBID_MASK_LEN);
  }

  private static void checkMaskLen(int len, long bits, int off) throws CorruptMetadataException {
    int need = BitMask.pagesFor(bits);
    if (len < need || len > 2 * need + 1) {
      throw new CorruptMetadataException("super block", off, "mask of " + len + " pages for " + bits + " bits (needs " + need + ")");
    }
  }

  private static void checkRegion(int start, int len, long pages, int off) throws CorruptMetadataException {
    if (start < 0 || len < 0 || (long) start + len > pages) {
      throw new CorruptMetadataException(
          "super block", off, "region [" + start + ", +" + len + ") pages lies outside the store (" + pages + " pages)");
    }
  }

  /** A field-by-field copy. */
  public SuperBlock copy() {
    SuperBlock c = new SuperBlock();
    c.version = version;
    c.clean = clean;
    c.superBlob = superBlob;
    c.clusterSize = clusterSize;
    c.pageMaskStart = pageMaskStart;
    c.pageMaskLen = pageMaskLen;
    c.clusterMaskStart = clusterMaskStart;
    c.clusterMaskLen = clusterMaskLen;
    c.mdStart = mdStart;
    c.mdLen = mdLen;
    c.bstype = bstype.clone();
    c.blobidMaskStart = blobidMaskStart;
    c.blobidMaskLen = blobidMaskLen;
    c.size = size;
    c.ioUnitSize = ioUnitSize;
    c.mdPageSize = mdPageSize;
    return c;
  }

  static boolean isZero(byte[] b) {
    for (byte x : b) if (x != 0) return false;
    return true;
  }

  /**
   * Reads and decodes the super block of {@code dev} (the one read every load and grow uses).
   *
   * @throws CorruptMetadataException if the device is smaller than a super block or {@link #decode}
   *     refuses it
   */
  public static SuperBlock read(BlockDevice dev, byte[] wantedBstype) throws IOException {
    if (dev.size() < SIZE) {
      throw new CorruptMetadataException("super block", 0, "device of " + dev.size() + " bytes is smaller than a super block");
    }
    byte[] raw = new byte[SIZE];
    dev.read(0, ByteBuffer.wrap(raw));
    return decode(raw, dev.size(), wantedBstype);
  }

  /** Writes this super block at byte 0 of {@code dev} (the one write mkfs, load, unload and grow use). */
  public void write(BlockDevice dev) throws IOException {
    dev.write(0, ByteBuffer.wrap(encode()));
  }

  /** Serialises with a fresh CRC. The reserved area is zero. */
  public byte[] encode() {
    byte[] b = new byte[SIZE];
    System.arraycopy(SIGNATURE, 0, b, OFF_SIGNATURE, 8);
    Le.put32(b, OFF_VERSION, version);
    Le.put32(b, OFF_LENGTH, SIZE);
    Le.put32(b, OFF_CLEAN, clean ? 1 : 0);
    Le.put64(b, OFF_SUPER_BLOB, superBlob);
    Le.put32(b, OFF_CLUSTER_SIZE, clusterSize);
    Le.put32(b, OFF_PAGE_MASK_START, pageMaskStart);
    Le.put32(b, OFF_PAGE_MASK_LEN, pageMaskLen);
    Le.put32(b, OFF_CLUSTER_MASK_START, clusterMaskStart);
    Le.put32(b, OFF_CLUSTER_MASK_LEN, clusterMaskLen);
    Le.put32(b, OFF_MD_START, mdStart);
    Le.put32(b, OFF_MD_LEN, mdLen);
    System.arraycopy(bstype, 0, b, OFF_BSTYPE, BSTYPE_LEN);
    Le.put32(b, OFF_BLOBID_MASK_START, blobidMaskStart);
    Le.put32(b, OFF_BLOBID_MASK_LEN, blobidMaskLen);
    Le.put64(b, OFF_SIZE, size);
    Le.put32(b, OFF_IO_UNIT, ioUnitSize);
    Le.put32(b, OFF_MD_PAGE_SIZE, mdPageSize);
    Le.put32(b, OFF_CRC, Crc.compute(b));
    return b;
  }

  /** bstype bytes from a string, zero padded to 16 bytes (like snprintf into the field). */
  public static byte[] bstypeOf(String s) {
    byte[] out = new byte[BSTYPE_LEN];
    byte[] in = s.getBytes(StandardCharsets.ISO_8859_1);
    System.arraycopy(in, 0, out, 0, Math.min(in.length, BSTYPE_LEN - 1));
    return out;
  }
}
