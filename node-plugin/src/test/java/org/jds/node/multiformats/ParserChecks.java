package org.jds.node.multiformats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * One check per parser, shared by the Jazzer fuzz targets and the seeded random test: any input
 * either parses to a value that re-encodes to an equivalent input, or fails with
 * {@link MultiformatException}. Anything else escapes and fails the test.
 */
final class ParserChecks {
  private ParserChecks() {}

  static void varint(byte[] in) throws IOException {
    try {
      long v = Varint.decode(in);
      assertArrayEquals(in, Varint.encode(v), "varint re-encodes to its input (minimal encodings only)");
    } catch (MultiformatException expected) {
      // bad input, reported as it should be
    }
    try {
      Varint.read(new ByteArrayInputStream(in));
    } catch (MultiformatException | EOFException expected) {
      // bad or truncated input, reported as it should be
    }
  }

  static void multibase(byte[] in) {
    String text = new String(in, StandardCharsets.UTF_8);
    try {
      byte[] data = Multibase.decode(text);
      Multibase base = Multibase.of(text);
      assertEquals(text.substring(1).toLowerCase(Locale.ROOT), base.encodeRaw(data).toLowerCase(Locale.ROOT), "decodes canonically");
    } catch (MultiformatException expected) {
      // bad input
    }
  }

  static void multihash(byte[] in) {
    try {
      Multihash mh = Multihash.decode(in);
      assertArrayEquals(in, mh.toBytes());
      assertEquals(mh, Multihash.of(mh.code(), mh.digest()));
      mh.matches(in); // may be unsupported: a checked error
    } catch (MultiformatException expected) {
      // bad input
    }
    try {
      Multihash.read(ByteBuffer.wrap(in));
    } catch (MultiformatException expected) {
      // bad input
    }
  }

  static void cidBytes(byte[] in) {
    try {
      Cid c = Cid.decode(in);
      assertArrayEquals(in, c.toBytes());
      assertEquals(c, Cid.parse(c.toString()));
      assertEquals(c.multihash(), c.toV1().multihash());
    } catch (MultiformatException expected) {
      // bad input
    }
  }

  static void cidString(byte[] in) {
    try {
      Cid c = Cid.parse(new String(in, StandardCharsets.UTF_8));
      assertEquals(c, Cid.decode(c.toBytes()));
      assertEquals(c, Cid.parse(c.toString()));
    } catch (MultiformatException expected) {
      // bad input
    }
  }
}
