package org.jds.node.dag;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jds.node.multiformats.Cid;
import org.junit.jupiter.api.Test;

class DagCborTest {
  private static byte[] hex(String h) {
    return HexFormat.of().parseHex(h.replace(" ", ""));
  }

  @Test
  void encodesCanonically() throws Exception {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("version", 1L);
    m.put("roots", List.of(Cid.parse("bafkreibm6jg3ux5qumhcn2b3flc3tyu6dmlb4xa7u5bf44yegnrjhc4yeq")));
    // node.md §5: keys length-first, so roots before version
    assertEquals("a265726f6f747381d82a58250001551220" + "2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824"
        + "6776657273696f6e01", HexFormat.of().formatHex(DagCbor.encode(m)));
    assertEquals("1818", HexFormat.of().formatHex(DagCbor.encode(24L)));
    assertEquals("390100", HexFormat.of().formatHex(DagCbor.encode(-257L)));
    assertEquals("fb3ff8000000000000", HexFormat.of().formatHex(DagCbor.encode(1.5)));
  }

  @Test
  void roundTrip() throws Exception {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("a", Arrays.asList(1L, -1L, Long.MAX_VALUE, Long.MIN_VALUE, "text ✓", new byte[] {1, 2}, true, false, null, 2.25));
    m.put("bb", Map.of("link", Cid.parse("QmUNLLsPACCz1vLxQVkXqqLX5R1X345qqfHbsf67hvA3Nn")));
    byte[] enc = DagCbor.encode(m);
    @SuppressWarnings("unchecked")
    Map<String, Object> back = (Map<String, Object>) DagCbor.decode(enc);
    List<?> a = (List<?>) back.get("a");
    assertEquals(List.of(1L, -1L, Long.MAX_VALUE, Long.MIN_VALUE, "text ✓"), a.subList(0, 5));
    assertArrayEquals(new byte[] {1, 2}, (byte[]) a.get(5));
    assertEquals(Arrays.asList(true, false, null, 2.25), a.subList(6, 10));
    assertArrayEquals(enc, DagCbor.encode(back));
    assertEquals(new BigInteger("18446744073709551615"), DagCbor.decode(hex("1bffffffffffffffff")));
    assertEquals(new BigInteger("-18446744073709551616"), DagCbor.decode(hex("3bffffffffffffffff")));
  }

  @Test
  void linksInEncodingOrder() throws Exception {
    Cid a = Cid.parse("bafkreibm6jg3ux5qumhcn2b3flc3tyu6dmlb4xa7u5bf44yegnrjhc4yeq");
    Cid b = Cid.parse("QmUNLLsPACCz1vLxQVkXqqLX5R1X345qqfHbsf67hvA3Nn");
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("zz", a); // written after "b" (length-first order)
    m.put("b", List.of(b, Map.of("x", a)));
    assertEquals(List.of(b, a, a), DagCbor.links(DagCbor.encode(m)));
  }

  @Test
  void strictDecoding() {
    String[] bad = {
      "", // nothing
      "1801", // 1 in two bytes
      "190010", // 16 in three bytes
      "5801ff", // byte string length not shortest
      "9f01ff", // indefinite array
      "5f4101ff", // indefinite bytes
      "a2616201616101", // keys out of order
      "a2616101616101", // duplicate key
      "a10101", // non-text key
      "c11a00000000", // tag 1
      "d82a4100", // tag 42 of the prefix alone: an empty CID
      "d82a420155", // tag 42: prefix not 0x00
      "d82a01", // tag 42 of an integer
      "fa3fc00000", // float32
      "f97e00", // float16
      "fb7ff8000000000000", // NaN
      "fb7ff0000000000000", // infinity
      "f7", // undefined
      "f0", // simple value 16
      "1c", // reserved
      "62c328", // invalid UTF-8
      "0101", // trailing byte
      "5a0000ffff", // length beyond the input
      "9b7fffffffffffffff", // huge array
      "81".repeat(DagCbor.MAX_DEPTH + 2) + "01", // too deep
    };
    for (String h : bad) {
      assertThrows(CodecException.class, () -> DagCbor.decode(hex(h)), h);
    }
  }

  @Test
  void deepButAllowed() throws Exception {
    List<Object> v = new ArrayList<>();
    Object cur = 1L;
    for (int i = 0; i < DagCbor.MAX_DEPTH; i++) cur = List.of(cur);
    v.add(cur);
    assertEquals(v.get(0), DagCbor.decode(DagCbor.encode(v.get(0))));
  }
}
