package org.jds.node.car;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jds.node.dag.CodecException;
import org.jds.node.dag.DagCbor;
import org.jds.node.multiformats.Cid;

/**
 * The CAR header and pragma bytes, written and read in one place: the CARv1 header
 * {@code {roots: [CID...], version: 1}} (DAG-CBOR), and the CARv2 pragma and fixed header.
 */
final class CarHeaders {
  /** The CARv2 pragma: varint 10, then DAG-CBOR {@code {version: 2}}. */
  static final byte[] V2_PRAGMA = {0x0a, (byte) 0xa1, 0x67, 0x76, 0x65, 0x72, 0x73, 0x69, 0x6f, 0x6e, 0x02};
  /** The CARv2 header after the pragma: 16 bytes of characteristics, then data offset, data size, index offset (u64 LE). */
  static final int V2_HEADER_LENGTH = 40;
  static final int V2_CHARACTERISTICS_LENGTH = 16;
  private static final String ROOTS = "roots";
  private static final String VERSION = "version";

  private CarHeaders() {}

  /** The CARv1 header's DAG-CBOR bytes (without the length varint). */
  static byte[] encodeV1(List<Cid> roots) {
    return DagCbor.encode(Map.of(ROOTS, new ArrayList<Object>(roots), VERSION, 1L));
  }

  /**
   * Decodes a CAR header and returns its version: 1 (roots filled in) or 2 (the pragma; no roots).
   *
   * @param at the header's offset in the file, for messages
   */
  static int decode(byte[] header, List<Cid> roots, long at) throws CarException {
    Object v;
    try {
      v = DagCbor.decode(header);
    } catch (CodecException e) {
      throw new CarException("CAR header is not valid DAG-CBOR: " + e.getMessage(), at, e);
    }
    if (!(v instanceof Map<?, ?> m)) throw new CarException("CAR header is not a map", at);
    Object version = m.get(VERSION);
    if (Long.valueOf(2).equals(version) && m.size() == 1) return 2;
    if (!Long.valueOf(1).equals(version)) throw new CarException("unsupported CAR version " + version, at);
    if (!m.keySet().equals(Set.of(ROOTS, VERSION))) {
      throw new CarException("CARv1 header must have exactly the keys roots and version, not " + m.keySet(), at);
    }
    if (!(m.get(ROOTS) instanceof List<?> list)) throw new CarException("CARv1 header roots is not a list", at);
    for (Object r : list) {
      if (!(r instanceof Cid c)) throw new CarException("CARv1 header root is not a CID link", at);
      roots.add(c);
    }
    return 1;
  }

  /** A little-endian u64 of the CARv2 header, refused if above Long.MAX_VALUE. */
  static long u64(byte[] b, int off, String what, long at) throws CarException {
    long v = 0;
    for (int i = 7; i >= 0; i--) v = (v << 8) | (b[off + i] & 0xFF);
    if (v < 0) throw new CarException("CARv2 " + what + " out of range", at);
    return v;
  }
}
