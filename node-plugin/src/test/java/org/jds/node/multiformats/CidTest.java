package org.jds.node.multiformats;

import static org.jds.node.multiformats.Hex.bytes;
import static org.jds.node.multiformats.Hex.hex;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** CIDs from node.md §5, §6 and §2.3 and from the kubo v0.43.1 transcripts. */
class CidTest {
  private static final byte[] HELLO = "hello".getBytes(StandardCharsets.US_ASCII);

  @Test
  void helloInEveryForm() throws Exception {
    Multihash mh = Multihash.sum(0x12, HELLO);
    Cid raw = Cid.v1(Multicodec.RAW, mh);
    assertEquals("bafkreibm6jg3ux5qumhcn2b3flc3tyu6dmlb4xa7u5bf44yegnrjhc4yeq", raw.toString());
    assertEquals("bafyreibm6jg3ux5qumhcn2b3flc3tyu6dmlb4xa7u5bf44yegnrjhc4yeq", Cid.v1(Multicodec.DAG_CBOR, mh).toString());
    assertEquals("QmRN6wdp1S2A5EtjW9A3M1vKSBuQQGcgvuhoMUoEz4iiT5", Cid.v0(mh).toString());
    assertEquals("01551220" + "2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824", hex(raw.toBytes()));
    assertEquals(raw, Cid.parse(raw.toString()));
    assertEquals(raw, Cid.decode(raw.toBytes()));
    assertEquals(1, raw.version());
    assertEquals(0x55, raw.codec());
  }

  @Test
  void emptyDirectoryV0AndItsV1() throws Exception {
    Cid v0 = Cid.parse("QmUNLLsPACCz1vLxQVkXqqLX5R1X345qqfHbsf67hvA3Nn");
    assertEquals(0, v0.version());
    assertEquals(Multicodec.DAG_PB.code(), v0.codec());
    assertEquals(v0.multihash(), Multihash.sum(0x12, bytes("0a020801")));
    assertEquals("QmUNLLsPACCz1vLxQVkXqqLX5R1X345qqfHbsf67hvA3Nn", v0.toString());
    assertNotEquals(v0, v0.toV1());
    assertEquals(v0, v0.toV1().toV0());
  }

  @Test
  void kuboTranscripts() throws Exception {
    // gw_car.txt: Ipfs-Uri is the v1 of the requested v0
    assertEquals("bafybeic75b5isyszx6nqniksnmzkox3fiqj4i4tjpj5nuf5qnuy2wanu5i",
        Cid.parse("QmUo33dS581rKvRKvxGCbi4HSvBCod2DYeansceJ6aGAiM").toV1().toString());
    // block_put_dagpb.txt + block_stat_v1raw_of_dagpb.txt: one multihash, two codecs
    Cid pb = Cid.parse("bafybeicg2rebjoofv4kbyovkw7af3rpiitvnl6i7ckcywaq6xjcxnc2mby");
    Cid raw = Cid.parse("bafkreicg2rebjoofv4kbyovkw7af3rpiitvnl6i7ckcywaq6xjcxnc2mby");
    assertEquals(pb.multihash(), raw.multihash());
    assertNotEquals(pb, raw);
    // the trustless-gateway probe: the empty identity CID
    Cid probe = Cid.parse("bafkqaaa");
    assertEquals("01550000", hex(probe.toBytes()));
    assertTrue(probe.multihash().isIdentity());
  }

  @Test
  void otherBasesParseToTheSameCid() throws Exception {
    Cid c = Cid.parse("bafkreibm6jg3ux5qumhcn2b3flc3tyu6dmlb4xa7u5bf44yegnrjhc4yeq");
    for (Multibase b : Multibase.values()) {
      String s = c.toString(b);
      assertEquals(b.prefix(), s.charAt(0));
      assertEquals(c, Cid.parse(s), s);
    }
    assertThrows(MultiformatException.class, () -> Cid.parse("QmRN6wdp1S2A5EtjW9A3M1vKSBuQQGcgvuhoMUoEz4iiT5").toString(Multibase.BASE32));
    // a v0's bytes in a multibase string are a v0, as in go-cid
    Cid v0 = Cid.parse("QmRN6wdp1S2A5EtjW9A3M1vKSBuQQGcgvuhoMUoEz4iiT5");
    assertEquals(v0, Cid.parse(Multibase.BASE32.encode(v0.toBytes())));
  }

  @Test
  void badCidsAreCheckedErrors() {
    String[] bad = {
      "", "b", "notacid", // 'n' is no multibase prefix
      "Qm", "QmRN6wdp1S2A5EtjW9A3M1vKSBuQQGcgvuhoMUoEz4iiT0", // '0' is not base58
      "bafkreibm6jg3ux5qumhcn2b3flc3tyu6dmlb4xa7u5bf44yegnrjhc4ye", // truncated
      "bafkreibm6jg3ux5qumhcn2b3flc3tyu6dmlb4xa7u5bf44yegnrjhc4yeqaa", // trailing byte
      Multibase.BASE32.encode(bytes("02551220" + "00".repeat(32))), // version 2
      Multibase.BASE32.encode(bytes("00551220" + "00".repeat(32))), // explicit version 0
      Multibase.BASE32.encode(bytes("1220" + "00".repeat(31))), // truncated v0
      Multibase.BASE32.encode(bytes("0155")), // no multihash
    };
    for (String s : bad) {
      MultiformatException e = assertThrows(MultiformatException.class, () -> Cid.parse(s), s);
      assertTrue(e.getMessage().contains("cid"), e.getMessage());
    }
  }

  @Test
  void v0NeedsSha256Of32Bytes() throws Exception {
    assertThrows(MultiformatException.class, () -> Cid.v0(Multihash.sum(0x13, HELLO)));
    assertThrows(MultiformatException.class, () -> Cid.v1(Multicodec.RAW, Multihash.sum(0x12, HELLO)).toV0());
  }

  @Test
  void codecNames() throws Exception {
    assertEquals(0x55, Multicodec.codecNamed("raw").code());
    assertEquals(0x70, Multicodec.codecNamed("dag-pb").code());
    assertEquals(0x71, Multicodec.codecNamed("dag-cbor").code());
    assertEquals(0x0129, Multicodec.codecNamed("dag-json").code());
    assertEquals(0x72, Multicodec.codecNamed("libp2p-key").code());
    MultiformatException e = assertThrows(MultiformatException.class, () -> Multicodec.codecNamed("sha2-256"));
    assertTrue(e.getMessage().contains("dag-pb"), e.getMessage());
    assertEquals("0x300001", Multicodec.describeCodec(0x300001));
  }
}
