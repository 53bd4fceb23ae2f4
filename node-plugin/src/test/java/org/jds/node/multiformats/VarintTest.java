package org.jds.node.multiformats;

import static org.jds.node.multiformats.Hex.bytes;
import static org.jds.node.multiformats.Hex.hex;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.nio.ByteBuffer;
import java.util.Random;
import org.junit.jupiter.api.Test;

class VarintTest {
  @Test
  void specExamples() throws Exception {
    // node.md §6 and the unsigned-varint spec's examples
    long[] values = {0, 1, 0x12, 0x55, 0x70, 0x71, 127, 128, 255, 300, 0x0129, 0xb220, 16384, Long.MAX_VALUE};
    String[] hex = {"00", "01", "12", "55", "70", "71", "7f", "8001", "ff01", "ac02", "a902", "a0e402", "808001",
      "ffffffffffffffff7f"};
    for (int i = 0; i < values.length; i++) {
      assertEquals(hex[i], hex(Varint.encode(values[i])), "encode " + values[i]);
      assertEquals(values[i], Varint.decode(bytes(hex[i])), "decode " + hex[i]);
      assertEquals(hex[i].length() / 2, Varint.size(values[i]));
    }
  }

  @Test
  void rejectsOverlongAndNonMinimal() {
    String[] bad = {
      "8000", // 0 in two bytes
      "8100", // 1 with a trailing zero group
      "ff8000",
      "ffffffffffffffff8001", // 10 bytes (64 bits)
      "ffffffffffffffffff01", // 9th byte has the continuation bit
      "80808080808080808000",
    };
    for (String h : bad) {
      MultiformatException e = assertThrows(MultiformatException.class, () -> Varint.decode(bytes(h)), h);
      assertTrue(e.getMessage().startsWith("varint: "), e.getMessage());
    }
  }

  @Test
  void rejectsTruncatedAndTrailing() {
    assertThrows(MultiformatException.class, () -> Varint.decode(new byte[0]));
    assertThrows(MultiformatException.class, () -> Varint.decode(bytes("80")));
    assertThrows(MultiformatException.class, () -> Varint.decode(bytes("ff ff")));
    assertThrows(MultiformatException.class, () -> Varint.decode(bytes("01 02")));
  }

  @Test
  void bufferReadAdvances() throws Exception {
    ByteBuffer b = ByteBuffer.wrap(bytes("ac02 01 a0e402"));
    assertEquals(300, Varint.read(b));
    assertEquals(1, Varint.read(b));
    assertEquals(0xb220, Varint.read(b));
    assertEquals(0, b.remaining());
  }

  @Test
  void streamReadEndsCleanlyOrReportsTruncation() throws Exception {
    ByteArrayInputStream in = new ByteArrayInputStream(bytes("ac02 80"));
    assertEquals(300, Varint.read(in));
    assertThrows(EOFException.class, () -> Varint.read(in));
    assertEquals(-1, Varint.read(new ByteArrayInputStream(new byte[0])));
    assertThrows(MultiformatException.class, () -> Varint.read(new ByteArrayInputStream(bytes("8000"))));
  }

  @Test
  void randomRoundTrips() throws Exception {
    Random r = new Random(11);
    for (int i = 0; i < 10_000; i++) {
      long v = r.nextLong() >>> r.nextInt(64);
      if (v < 0) v = -v - 1;
      byte[] enc = Varint.encode(v);
      assertEquals(v, Varint.decode(enc));
      assertTrue(enc.length <= Varint.MAX_BYTES);
    }
  }
}
