package org.jds.node.dag;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.jds.node.multiformats.Cid;
import org.jds.node.multiformats.MultiformatException;

/**
 * A strict DAG-CBOR codec (IPLD DAG-CBOR spec): shortest-form integers and lengths, no indefinite
 * lengths, map keys are text strings sorted length-first then bytewise without duplicates, the only
 * tag is 42 (a CID: byte string {@code 0x00} + binary CID), the only simple values are false, true
 * and null, floats are 64-bit and finite, text is valid UTF-8, and nothing follows the top item.
 *
 * <p>Values: {@link Long} (or {@link BigInteger} beyond a long), {@link String}, {@code byte[]},
 * {@link List}, {@link Map} with String keys (encoding order), {@link Cid}, {@link Boolean},
 * {@link Double}, and null. Stateless and thread-safe.
 */
public final class DagCbor {
  /** Nesting limit: deeper input is refused rather than risking the stack. */
  public static final int MAX_DEPTH = 512;
  /** Tag 42, a CID link. */
  public static final int TAG_CID = 42;

  private DagCbor() {}

  /** Decodes one whole item. */
  public static Object decode(byte[] data) throws CodecException {
    Decoder d = new Decoder(ByteBuffer.wrap(data), null);
    Object v = d.item(0);
    if (d.in.hasRemaining()) throw new CodecException("dag-cbor: " + d.in.remaining() + " bytes after the top-level item", d.in.position());
    return v;
  }

  /** Every CID link (tag 42) in encoding order, after validating the whole block. */
  public static List<Cid> links(byte[] data) throws CodecException {
    List<Cid> out = new ArrayList<>();
    Decoder d = new Decoder(ByteBuffer.wrap(data), out::add);
    d.item(0);
    if (d.in.hasRemaining()) throw new CodecException("dag-cbor: " + d.in.remaining() + " bytes after the top-level item", d.in.position());
    return out;
  }

  /**
   * Encodes a value (types as in the class comment; Integer is accepted as a long; a BigInteger must
   * fit CBOR's 64-bit integer range). Maps are written
   * in DAG-CBOR key order whatever their iteration order.
   *
   * @throws IllegalArgumentException a value of another type, a NaN or infinite double (caller bugs)
   */
  public static byte[] encode(Object value) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    write(out, value);
    return out.toByteArray();
  }

  private static void write(ByteArrayOutputStream out, Object v) {
    if (v == null) {
      out.write(0xf6);
    } else if (v instanceof Boolean b) {
      out.write(b ? 0xf5 : 0xf4);
    } else if (v instanceof Long || v instanceof Integer) {
      long n = ((Number) v).longValue();
      if (n >= 0) head(out, 0, n);
      else head(out, 1, -1 - n);
    } else if (v instanceof BigInteger big) {
      if (big.signum() >= 0 && big.bitLength() <= 64) head(out, 0, big.longValue());
      else if (big.signum() < 0 && big.negate().subtract(BigInteger.ONE).bitLength() <= 64) head(out, 1, big.negate().subtract(BigInteger.ONE).longValue());
      else throw new IllegalArgumentException("integer out of the 64-bit range: " + big);
    } else if (v instanceof String s) {
      byte[] b = s.getBytes(StandardCharsets.UTF_8);
      head(out, 3, b.length);
      out.writeBytes(b);
    } else if (v instanceof byte[] b) {
      head(out, 2, b.length);
      out.writeBytes(b);
    } else if (v instanceof Cid c) {
      head(out, 6, TAG_CID);
      byte[] b = c.toBytes();
      head(out, 2, b.length + 1);
      out.write(0);
      out.writeBytes(b);
    } else if (v instanceof List<?> l) {
      head(out, 4, l.size());
      for (Object o : l) write(out, o);
    } else if (v instanceof Map<?, ?> m) {
      TreeMap<byte[], Object> sorted = new TreeMap<>(DagCbor::compareKeys);
      for (Map.Entry<?, ?> e : m.entrySet()) sorted.put(((String) e.getKey()).getBytes(StandardCharsets.UTF_8), e.getValue());
      head(out, 5, sorted.size());
      for (Map.Entry<byte[], Object> e : sorted.entrySet()) {
        head(out, 3, e.getKey().length);
        out.writeBytes(e.getKey());
        write(out, e.getValue());
      }
    } else if (v instanceof Double d) {
      if (d.isNaN() || d.isInfinite()) throw new IllegalArgumentException("dag-cbor has no NaN or infinity");
      out.write(0xfb);
      long bits = Double.doubleToLongBits(d);
      for (int i = 7; i >= 0; i--) out.write((int) (bits >>> (8 * i)));
    } else {
      throw new IllegalArgumentException("not a dag-cbor value: " + v.getClass().getName());
    }
  }

  /** The shortest head for major type {@code major} and argument {@code n} (unsigned). */
  private static void head(ByteArrayOutputStream out, int major, long n) {
    int m = major << 5;
    if (n >= 0 && n < 24) {
      out.write(m | (int) n);
    } else if (n >= 0 && n < 0x100) {
      out.write(m | 24);
      out.write((int) n);
    } else if (n >= 0 && n < 0x10000) {
      out.write(m | 25);
      out.write((int) (n >>> 8));
      out.write((int) n);
    } else if (n >= 0 && n < 0x100000000L) {
      out.write(m | 26);
      for (int i = 3; i >= 0; i--) out.write((int) (n >>> (8 * i)));
    } else {
      out.write(m | 27);
      for (int i = 7; i >= 0; i--) out.write((int) (n >>> (8 * i)));
    }
  }

  /** DAG-CBOR map key order: shorter first, then bytewise. */
  static int compareKeys(byte[] a, byte[] b) {
    return a.length != b.length ? Integer.compare(a.length, b.length) : Arrays.compareUnsigned(a, b);
  }

  private static final class Decoder {
    final ByteBuffer in;
    final Consumer<Cid> linkSink; // non-null: links only, values are not kept

    Decoder(ByteBuffer in, Consumer<Cid> linkSink) {
      this.in = in;
      this.linkSink = linkSink;
    }

    private CodecException error(String what, int at) {
      return new CodecException("dag-cbor: " + what, at);
    }

    private int u8() throws CodecException {
      if (!in.hasRemaining()) throw error("truncated", in.position());
      return in.get() & 0xFF;
    }

    /** The argument of a head whose initial byte had additional info {@code info}; -1 marks > 2^63-1 */
    private long argument(int info, int at) throws CodecException {
      if (info < 24) return info;
      int n = switch (info) {
        case 24 -> 1;
        case 25 -> 2;
        case 26 -> 4;
        case 27 -> 8;
        case 31 -> throw error("indefinite length is not allowed", at);
        default -> throw error("reserved additional information " + info, at);
      };
      if (in.remaining() < n) throw error("truncated", in.position());
      long v = 0;
      for (int i = 0; i < n; i++) v = (v << 8) | (in.get() & 0xFF);
      long min = n == 1 ? 24 : n == 2 ? 0x100 : n == 4 ? 0x10000 : 0x100000000L;
      if (Long.compareUnsigned(v, min) < 0) throw error("integer or length not in its shortest form", at);
      return v;
    }

    private int length(int info, int at) throws CodecException {
      long n = argument(info, at);
      if (n < 0 || n > in.remaining()) throw error("length " + Long.toUnsignedString(n) + " exceeds the " + in.remaining() + " bytes left", at);
      return (int) n;
    }

    Object item(int depth) throws CodecException {
      int at = in.position();
      if (depth > MAX_DEPTH) throw error("nested deeper than " + MAX_DEPTH, at);
      int ib = u8();
      int major = ib >>> 5;
      int info = ib & 0x1f;
      switch (major) {
        case 0: {
          long n = argument(info, at);
          return n >= 0 ? (Object) n : new BigInteger(Long.toUnsignedString(n));
        }
        case 1: {
          long n = argument(info, at);
          return n >= 0 ? (Object) (-1 - n) : new BigInteger(Long.toUnsignedString(n)).negate().subtract(BigInteger.ONE);
        }
        case 2: {
          byte[] b = new byte[length(info, at)];
          in.get(b);
          return b;
        }
        case 3:
          return text(info, at);
        case 4: {
          int n = length(info, at); // every item takes at least one byte
          List<Object> list = linkSink == null ? new ArrayList<>(n) : null;
          for (int i = 0; i < n; i++) {
            Object v = item(depth + 1);
            if (list != null) list.add(v);
          }
          return list;
        }
        case 5: {
          int n = length(info, at);
          Map<String, Object> map = linkSink == null ? new LinkedHashMap<>() : null;
          byte[] previous = null;
          for (int i = 0; i < n; i++) {
            int keyAt = in.position();
            int kb = u8();
            if (kb >>> 5 != 3) throw error("map key is not a text string", keyAt);
            int klen = length(kb & 0x1f, keyAt);
            byte[] key = new byte[klen];
            in.get(key);
            if (previous != null && compareKeys(previous, key) >= 0) {
              throw error(compareKeys(previous, key) == 0 ? "duplicate map key" : "map keys not in length-first order", keyAt);
            }
            previous = key;
            String k = utf8(key, keyAt);
            Object v = item(depth + 1);
            if (map != null) map.put(k, v);
          }
          return map;
        }
        case 6: {
          long tag = argument(info, at);
          if (tag != TAG_CID) throw error("tag " + Long.toUnsignedString(tag) + " is not allowed (only 42)", at);
          int bAt = in.position();
          int bb = u8();
          if (bb >>> 5 != 2) throw error("tag 42 must wrap a byte string", bAt);
          byte[] b = new byte[length(bb & 0x1f, bAt)];
          in.get(b);
          if (b.length == 0 || b[0] != 0) throw error("a CID link must start with the 0x00 multibase prefix", bAt);
          Cid cid;
          try {
            cid = Cid.decode(Arrays.copyOfRange(b, 1, b.length));
          } catch (MultiformatException e) {
            throw error("bad CID link: " + e.getMessage(), bAt);
          }
          if (linkSink != null) linkSink.accept(cid);
          return cid;
        }
        default:
          return simple(info, at);
      }
    }

    private String text(int info, int at) throws CodecException {
      byte[] b = new byte[length(info, at)];
      in.get(b);
      return utf8(b, at);
    }

    private String utf8(byte[] b, int at) throws CodecException {
      try {
        return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(b)).toString();
      } catch (CharacterCodingException e) {
        throw error("text is not valid UTF-8", at);
      }
    }

    private Object simple(int info, int at) throws CodecException {
      switch (info) {
        case 20:
          return Boolean.FALSE;
        case 21:
          return Boolean.TRUE;
        case 22:
          return null;
        case 27: {
          if (in.remaining() < 8) throw error("truncated", in.position());
          double d = Double.longBitsToDouble(in.getLong());
          if (Double.isNaN(d) || Double.isInfinite(d)) throw error("NaN and infinities are not allowed", at);
          return d;
        }
        case 25:
        case 26:
          throw error("floats must be 64-bit", at);
        default:
          throw error("simple value " + info + " is not allowed", at);
      }
    }
  }
}
