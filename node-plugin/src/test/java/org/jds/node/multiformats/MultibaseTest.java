package org.jds.node.multiformats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The multiformats/multibase test vectors (resources), strictness and round trips. */
class MultibaseTest {
  private record Vector(String encoding, String text) {}

  private static List<Vector> vectors(String resource) throws IOException {
    List<Vector> out = new ArrayList<>();
    try (InputStream in = MultibaseTest.class.getResourceAsStream(resource)) {
      String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
      for (int i = 1; i < lines.length; i++) {
        int comma = lines[i].indexOf(',');
        String enc = lines[i].substring(0, comma).trim();
        String q = lines[i].substring(comma + 1).trim();
        out.add(new Vector(enc, q.substring(1, q.length() - 1)));
      }
    }
    return out;
  }

  private static boolean supported(String name) {
    for (Multibase b : Multibase.values()) {
      if (b.multibaseName().equals(name)) return true;
    }
    return false;
  }

  private static void check(String resource, byte[] expected, boolean canonical) throws Exception {
    int checked = 0;
    for (Vector v : vectors(resource)) {
      if (!supported(v.encoding)) continue;
      Multibase b = Multibase.forName(v.encoding);
      assertEquals(b, Multibase.of(v.text));
      assertArrayEquals(expected, Multibase.decode(v.text), resource + " " + v.encoding);
      if (canonical) assertEquals(v.text, b.encode(expected), resource + " " + v.encoding);
      checked++;
    }
    assertTrue(checked >= (canonical ? Multibase.values().length : 4), resource + ": only " + checked + " vectors");
  }

  @Test
  void basic() throws Exception {
    check("basic.csv", "yes mani !".getBytes(StandardCharsets.US_ASCII), true);
  }

  @Test
  void leadingZeros() throws Exception {
    check("leading_zero.csv", "\0yes mani !".getBytes(StandardCharsets.US_ASCII), true);
    check("two_leading_zeros.csv", "\0\0yes mani !".getBytes(StandardCharsets.US_ASCII), true);
  }

  @Test
  void caseInsensitiveDecoding() throws Exception {
    check("case_insensitivity.csv", "hello world".getBytes(StandardCharsets.US_ASCII), false);
  }

  @Test
  void emptyInput() throws Exception {
    for (Multibase b : Multibase.values()) {
      assertEquals(String.valueOf(b.prefix()), b.encode(new byte[0]));
      assertArrayEquals(new byte[0], Multibase.decode(String.valueOf(b.prefix())));
    }
  }

  @Test
  void strictDecoding() {
    String[] bad = {
      "", // no prefix
      "xabc", // unknown prefix
      "Mabc=", // padded base64 is not supported
      "bpfsxgidnmfxgsibb=", // padding
      "ba", // base32: impossible length
      "bab4wk4zanvqw42jaef", // base32: non-zero trailing bits
      "f123", // base16: odd length
      "fzz",
      "z0OIl", // not in the base58 alphabet
      "k!",
      "mAB==", "meWVzIG1hbmkgIR", // non-zero trailing bits
      "ueWVzIG1hbmkgI+", // '+' is not base64url
      "meWVzIG1hbmkgI-", // '-' is not base64
      "bé",
    };
    for (String s : bad) {
      MultiformatException e = assertThrows(MultiformatException.class, () -> Multibase.decode(s), s);
      assertTrue(e.getMessage().contains("multibase") || e.getMessage().contains("base"), e.getMessage());
    }
  }

  @Test
  void namesAndPrefixes() throws Exception {
    assertEquals(Multibase.BASE32, Multibase.forPrefix('b'));
    assertEquals(Multibase.BASE58_BTC, Multibase.forName("base58btc"));
    MultiformatException e = assertThrows(MultiformatException.class, () -> Multibase.forName("base99"));
    assertTrue(e.getMessage().contains("base32upper"), e.getMessage());
  }

  @Test
  void randomRoundTrips() throws Exception {
    Random r = new Random(7);
    for (int i = 0; i < 2000; i++) {
      byte[] data = new byte[r.nextInt(40)];
      r.nextBytes(data);
      for (int z = r.nextInt(3); z > 0 && data.length > z; z--) data[z - 1] = 0;
      for (Multibase b : Multibase.values()) {
        String s = b.encode(data);
        assertArrayEquals(data, Multibase.decode(s), b + " " + s);
      }
    }
  }
}
