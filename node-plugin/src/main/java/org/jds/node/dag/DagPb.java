package org.jds.node.dag;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.jds.node.multiformats.Cid;
import org.jds.node.multiformats.MultiformatException;

/**
 * A strict DAG-PB decoder (IPLD DAG-PB spec, as go-codec-dagpb decodes): a PBNode holds PBLinks
 * (field 2) followed by at most one Data (field 1), nothing else; a PBLink holds Hash (field 1, a
 * CID, required), then optionally Name (2) and Tsize (3, varint), each at most once and in that
 * order; wire types must match, lengths must fit, varints are at most 64 bits. Stateless and
 * thread-safe.
 */
public final class DagPb {
  private static final int WIRE_VARINT = 0;
  private static final int WIRE_BYTES = 2;

  private DagPb() {}

  /** A decoded link. {@code name} and {@code tsize} are null when absent. */
  public record Link(Cid hash, String name, Long tsize) {}

  /** A decoded node. {@code data} is null when absent. */
  public record Node(List<Link> links, byte[] data) {}

  /** Decodes a whole block. */
  public static Node decode(byte[] block) throws CodecException {
    ByteBuffer in = ByteBuffer.wrap(block);
    List<Link> links = new ArrayList<>();
    byte[] data = null;
    while (in.hasRemaining()) {
      int at = in.position();
      long key = varint(in, 0);
      int field = (int) Math.min(key >>> 3, Integer.MAX_VALUE);
      int wire = (int) (key & 7);
      if (field != 1 && field != 2) throw new CodecException("dag-pb: PBNode has an invalid field number " + (key >>> 3), at);
      if (wire != WIRE_BYTES) throw new CodecException("dag-pb: PBNode field " + field + " has wire type " + wire, at);
      byte[] value = bytes(in, 0, at);
      if (field == 1) {
        if (data != null) throw new CodecException("dag-pb: duplicate Data section", at);
        data = value;
      } else {
        if (data != null) throw new CodecException("dag-pb: invalid order, found Data before Links content", at);
        links.add(link(value, in.position() - value.length));
      }
    }
    return new Node(links, data);
  }

  /** The CIDs of a dag-pb block's links, in order. */
  public static List<Cid> links(byte[] block) throws CodecException {
    List<Cid> out = new ArrayList<>();
    for (Link l : decode(block).links()) out.add(l.hash());
    return out;
  }

  private static Link link(byte[] b, int base) throws CodecException {
    ByteBuffer in = ByteBuffer.wrap(b);
    Cid hash = null;
    String name = null;
    Long tsize = null;
    int last = 0;
    while (in.hasRemaining()) {
      int at = base + in.position();
      long key = varint(in, base);
      long field = key >>> 3;
      int wire = (int) (key & 7);
      if (field < 1 || field > 3) throw new CodecException("dag-pb: PBLink has an invalid field number " + field, at);
      if (field <= last) {
        throw new CodecException(field == last ? "dag-pb: duplicate PBLink field " + field : "dag-pb: PBLink fields out of order", at);
      }
      last = (int) field;
      if (field == 3) {
        if (wire != WIRE_VARINT) throw new CodecException("dag-pb: PBLink Tsize has wire type " + wire, at);
        tsize = varint(in, base);
        continue;
      }
      if (wire != WIRE_BYTES) throw new CodecException("dag-pb: PBLink field " + field + " has wire type " + wire, at);
      byte[] value = bytes(in, base, at);
      if (field == 1) {
        try {
          hash = Cid.decode(value);
        } catch (MultiformatException e) {
          throw new CodecException("dag-pb: PBLink Hash is not a CID: " + e.getMessage(), at);
        }
      } else {
        name = new String(value, StandardCharsets.UTF_8);
      }
    }
    if (hash == null) throw new CodecException("dag-pb: PBLink has no Hash", base);
    return new Link(hash, name, tsize);
  }

  /** A protobuf varint (up to 10 bytes, 64 bits, read as unsigned); {@code base}: the buffer's offset in the block. */
  private static long varint(ByteBuffer in, int base) throws CodecException {
    int at = base + in.position();
    long v = 0;
    for (int i = 0; i < 10; i++) {
      if (!in.hasRemaining()) throw new CodecException("dag-pb: truncated varint", at);
      int b = in.get() & 0xFF;
      if (i == 9 && b > 1) throw new CodecException("dag-pb: varint overflows 64 bits", at);
      v |= (long) (b & 0x7F) << (7 * i);
      if ((b & 0x80) == 0) return v;
    }
    throw new CodecException("dag-pb: varint overflows 64 bits", at);
  }

  /** A length-delimited value; {@code at}: its field's offset in the block, for messages. */
  private static byte[] bytes(ByteBuffer in, int base, int at) throws CodecException {
    long n = varint(in, base);
    if (n < 0 || n > in.remaining()) throw new CodecException("dag-pb: length " + Long.toUnsignedString(n) + " exceeds the " + in.remaining() + " bytes left", at);
    byte[] b = new byte[(int) n];
    in.get(b);
    return b;
  }
}
