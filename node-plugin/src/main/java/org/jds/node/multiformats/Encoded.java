package org.jds.node.multiformats;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * A value kept as its binary encoding (multihash, CID): copies, size, writing, and equality by those
 * bytes; and the one rule for decoding a whole array (no trailing bytes).
 */
abstract class Encoded {
  /** Reads one value at a buffer's position, advancing past it. */
  interface Reader<T> {
    T read(ByteBuffer in) throws MultiformatException;
  }

  final byte[] bytes;

  Encoded(byte[] bytes) {
    this.bytes = bytes;
  }

  /** Decodes {@code data}, which must hold exactly one value. */
  static <T> T whole(byte[] data, Reader<T> reader, String what) throws MultiformatException {
    ByteBuffer in = ByteBuffer.wrap(data);
    T value = reader.read(in);
    if (in.hasRemaining()) throw new MultiformatException(what + ": " + in.remaining() + " trailing bytes");
    return value;
  }

  /** A copy of the binary form. */
  public byte[] toBytes() {
    return bytes.clone();
  }

  /** The binary length. */
  public int size() {
    return bytes.length;
  }

  /** Writes the binary form at {@code off}; returns the number of bytes written. */
  public int writeTo(byte[] dst, int off) {
    System.arraycopy(bytes, 0, dst, off, bytes.length);
    return bytes.length;
  }

  @Override
  public boolean equals(Object o) {
    return o != null && o.getClass() == getClass() && Arrays.equals(bytes, ((Encoded) o).bytes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes);
  }
}
