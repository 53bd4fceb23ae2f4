package org.jds.node.multiformats;

import static org.jds.node.multiformats.Hex.bytes;
import static org.jds.node.multiformats.Hex.hex;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class MultihashTest {
  private static final byte[] ABC = "abc".getBytes(StandardCharsets.US_ASCII);

  @Test
  void multihashRepositoryVectors() throws Exception {
    String csv;
    try (InputStream in = getClass().getResourceAsStream("multihash_cases.csv")) {
      csv = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
    }
    String[] lines = csv.split("\n");
    for (int i = 1; i < lines.length; i++) {
      String[] f = lines[i].split(",");
      long code = Multicodec.hashNamed(f[0]).code();
      Multihash mh = Multihash.sum(code, new byte[0], Integer.parseInt(f[1]) / 8); // the generator hashed ""
      assertEquals(f[3], hex(mh.toBytes()), lines[i]);
      assertEquals(mh, Multihash.decode(bytes(f[3])));
    }
  }

  @Test
  void knownDigests() throws Exception {
    assertEquals("12202cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824",
        hex(Multihash.sum(0x12, "hello".getBytes(StandardCharsets.US_ASCII)).toBytes()));
    // FIPS 202 / RFC 7693 "abc" vectors
    assertEquals("3a985da74fe225b2045c172d6bd390bd855f086e3e9d525b46bfe24511431532",
        hex(Multihash.sum(Multicodec.SHA3_256.code(), ABC).digest()));
    assertEquals("e642824c3f8cf24ad09234ee7d3c766fc9a3a5168d0c94ad73b46fdf",
        hex(Multihash.sum(Multicodec.SHA3_224.code(), ABC).digest()));
    assertEquals("ba80a53f981c4d0d6a2797b69f12f6e94c212f14685ac4b74b12bb6fdbffa2d1"
        + "7d87c5392aab792dc252d5de4533cc9518d38aa8dbf1925ab92386edd4009923",
        hex(Multihash.sum(0xb240, ABC).digest()));
    Multihash b256 = Multihash.sum(Multicodec.BLAKE2B_256.code(), ABC);
    assertEquals("a0e40220bddd813c634239723171ef3fee98579b94964e3bb1cb3e427262c8c068d52319", hex(b256.toBytes()));
    assertEquals("786a02f742015903c6c6fd852552d272912f4740e15847618a86e217f71f5419d25e1031afee585313896444934eb04b903a685b1448b755d56f701afe9be2ce",
        hex(Multihash.sum(0xb240, new byte[0]).digest()));
    assertEquals(Multicodec.BLAKE2B_256, Multicodec.hashNamed("blake2b-256"));
  }

  @Test
  void blake2bAcrossBlockBoundaries() throws Exception {
    // the same bytes fed at once or in pieces give the same digest; lengths around the 128-byte block
    for (int n : new int[] {127, 128, 129, 255, 256, 257, 1000}) {
      byte[] data = new byte[n];
      for (int i = 0; i < n; i++) data[i] = (byte) (i * 31 + 7);
      Blake2b whole = new Blake2b(32);
      byte[] a = whole.digest(data);
      Blake2b pieces = new Blake2b(32);
      for (int i = 0; i < n; i += 50) pieces.update(data, i, Math.min(50, n - i));
      assertArrayEquals(a, pieces.digest(), "n=" + n);
      assertArrayEquals(a, whole.digest(data), "reuse after digest, n=" + n);
    }
  }

  @Test
  void identity() throws Exception {
    Multihash id = Multihash.sum(0x00, ABC);
    assertEquals("0003616263", hex(id.toBytes()));
    assertTrue(id.isIdentity());
    assertTrue(id.matches(ABC));
    assertFalse(id.matches("abd".getBytes(StandardCharsets.US_ASCII)));
    assertThrows(MultiformatException.class, () -> Multihash.sum(0x00, ABC, 2));
  }

  @Test
  void matchesAndTruncation() throws Exception {
    Multihash full = Multihash.sum(0x12, ABC);
    Multihash cut = Multihash.sum(0x12, ABC, 20);
    assertEquals(20, cut.digestLength());
    assertTrue(full.matches(ABC));
    assertTrue(cut.matches(ABC));
    assertFalse(full.matches(new byte[0]));
    assertThrows(MultiformatException.class, () -> Multihash.sum(0x12, ABC, 33));
    assertThrows(MultiformatException.class, () -> Multihash.sum(0x12, ABC, -2));
  }

  @Test
  void unsupportedFunctionIsACheckedError() {
    MultiformatException e = assertThrows(MultiformatException.class, () -> Multihash.sum(Multicodec.BLAKE3.code(), ABC));
    assertTrue(e.getMessage().contains("blake3"), e.getMessage());
    assertThrows(MultiformatException.class, () -> Multihash.sum(0x9999, ABC));
  }

  @Test
  void decodeLengthChecks() {
    String[] bad = {
      "", "12", "1220", // truncated
      "1203616263ff", // trailing byte
      "1221" + "00".repeat(33), // longer than sha2-256 produces
      "1202aa", // declares 2, has 1
      "80", "8000", // bad varints
    };
    for (String h : bad) assertThrows(MultiformatException.class, () -> Multihash.decode(bytes(h)), h);
  }

  @Test
  void names() throws Exception {
    assertEquals(0x14, Multicodec.hashNamed("sha3").code());
    assertEquals(0x16, Multicodec.hashNamed("sha3-256").code());
    assertEquals(0xb260, Multicodec.hashNamed("blake2s-256").code());
    MultiformatException e = assertThrows(MultiformatException.class, () -> Multicodec.hashNamed("dag-pb"));
    assertTrue(e.getMessage().contains("sha2-256"), e.getMessage());
  }
}
