package org.jds.node.multiformats;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;

/**
 * The multiformats unsigned varint: 7 bits per byte, least significant group first, high bit set on
 * every byte but the last. Decoding is strict, as the spec requires: at most {@link #MAX_BYTES}
 * bytes (63 bits) and minimal encodings only (no trailing zero groups). Stateless and thread-safe.
 */
public final class Varint {
  /** The spec's limit: 9 bytes carry 63 bits. */
  public static final int MAX_BYTES = 9;

  private Varint() {}

  /** The number of bytes {@code value} encodes to. */
  public static int size(long value) {
    checkEncodable(value);
    int n = 1;
    while ((value >>>= 7) != 0) n++;
    return n;
  }

  /** The encoding of {@code value} (which must be {@code >= 0}, a caller's precondition). */
  public static byte[] encode(long value) {
    byte[] out = new byte[size(value)];
    write(value, out, 0);
    return out;
  }

  /** Writes the encoding of {@code value} at {@code off}; returns the number of bytes written. */
  public static int write(long value, byte[] dst, int off) {
    checkEncodable(value);
    int i = off;
    while ((value & ~0x7FL) != 0) {
      dst[i++] = (byte) ((value & 0x7F) | 0x80);
      value >>>= 7;
    }
    dst[i++] = (byte) value;
    return i - off;
  }

  /** Writes the encoding of {@code value} to {@code out}. */
  public static void write(long value, OutputStream out) throws IOException {
    out.write(encode(value));
  }

  /** Decodes {@code src}, which must hold exactly one varint and nothing else. */
  public static long decode(byte[] src) throws MultiformatException {
    return Encoded.whole(src, Varint::read, "varint");
  }

  /** Reads one varint at the buffer's position and advances past it. */
  public static long read(ByteBuffer in) throws MultiformatException {
    long value = 0;
    for (int i = 0; ; i++) {
      if (!in.hasRemaining()) throw new MultiformatException("varint: truncated after " + i + " bytes");
      int b = in.get() & 0xFF;
      value = accumulate(value, b, i);
      if ((b & 0x80) == 0) return value;
    }
  }

  /**
   * Reads one varint from a stream. Returns -1 if the stream ends before the first byte (a clean end
   * of a sequence of varint-prefixed records).
   *
   * @throws MultiformatException overlong or non-minimal encoding
   * @throws EOFException the stream ends inside the varint
   */
  public static long read(InputStream in) throws IOException, MultiformatException {
    long value = 0;
    for (int i = 0; ; i++) {
      int b = in.read();
      if (b < 0) {
        if (i == 0) return -1;
        throw new EOFException("varint: truncated after " + i + " bytes");
      }
      value = accumulate(value, b, i);
      if ((b & 0x80) == 0) return value;
    }
  }

  /** Adds byte number {@code i} (0-based) to {@code value}, enforcing the size and minimality rules. */
  private static long accumulate(long value, int b, int i) throws MultiformatException {
    if (i == MAX_BYTES - 1 && (b & 0x80) != 0) {
      throw new MultiformatException("varint: longer than " + MAX_BYTES + " bytes (over 63 bits)");
    }
    if (i > 0 && b == 0) throw new MultiformatException("varint: not minimally encoded");
    return value | ((long) (b & 0x7F) << (7 * i));
  }

  private static void checkEncodable(long value) {
    if (value < 0) throw new IllegalArgumentException("varint: negative value " + value);
  }
}
