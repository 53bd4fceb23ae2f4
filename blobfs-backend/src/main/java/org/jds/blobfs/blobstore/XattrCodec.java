package org.jds.blobfs.blobstore;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.jds.blobfs.CorruptMetadataException;

/**
 * The XATTR and XATTR_INTERNAL descriptors ({@link Descriptors#XATTR}, {@link
 * Descriptors#XATTR_INTERNAL}, SPDK's {@code spdk_blob_md_descriptor_xattr}): {@code u16 name_length,
 * u16 value_length, name, value}. Offsets are relative to the body.
 */
final class XattrCodec {
  static final int OFF_NAME_LEN = 0;
  static final int OFF_VALUE_LEN = 2;
  static final int OFF_NAME = 4;

  /**
   * One decoded xattr. {@code name} is the stored name cut at its first NUL (SPDK keeps names as C
   * strings); {@code storedNameLen} is the length field as stored.
   */
  record Xattr(String name, int storedNameLen, byte[] value) {}

  private XattrCodec() {}

  /** Bytes the descriptor takes, header included. */
  static int size(byte[] name, byte[] value) {
    return MdPage.DESC_HDR + OFF_NAME + name.length + value.length;
  }

  /** Writes the descriptor at {@code at}; returns the bytes used. */
  static int encode(byte[] p, int at, boolean internal, byte[] name, byte[] value) {
    Descriptors.header(p, at, internal ? Descriptors.XATTR_INTERNAL : Descriptors.XATTR, OFF_NAME + name.length + value.length);
    int b = at + MdPage.DESC_HDR;
    Le.put16(p, b + OFF_NAME_LEN, name.length);
    Le.put16(p, b + OFF_VALUE_LEN, value.length);
    System.arraycopy(name, 0, p, b + OFF_NAME, name.length);
    System.arraycopy(value, 0, p, b + OFF_NAME + name.length, value.length);
    return size(name, value);
  }

  /** Reads the descriptor {@code d}: its length must be exactly the two fields and their bytes. */
  static Xattr decode(byte[] p, MdPage.Desc d, String what, long at) throws CorruptMetadataException {
    if (d.length() < OFF_NAME) throw new CorruptMetadataException(what, at, "XATTR length " + d.length());
    int nl = Le.u16(p, d.bodyOff() + OFF_NAME_LEN);
    int vl = Le.u16(p, d.bodyOff() + OFF_VALUE_LEN);
    if (d.length() != OFF_NAME + nl + vl) {
      throw new CorruptMetadataException(what, at, "XATTR length " + d.length() + " != " + OFF_NAME + " + " + nl + " + " + vl);
    }
    int n0 = d.bodyOff() + OFF_NAME;
    int end = n0;
    while (end < n0 + nl && p[end] != 0) end++;
    String name = new String(p, n0, end - n0, StandardCharsets.ISO_8859_1);
    return new Xattr(name, nl, Arrays.copyOfRange(p, n0 + nl, n0 + nl + vl));
  }
}
