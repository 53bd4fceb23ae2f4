package org.jds.node.dag;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HexFormat;
import java.util.List;
import org.jds.node.blockstore.Block;
import org.jds.node.multiformats.Cid;
import org.junit.jupiter.api.Test;

class DagPbTest {
  private static byte[] hex(String h) {
    return HexFormat.of().parseHex(h.replace(" ", ""));
  }

  @Test
  void kuboBlocks() throws Exception {
    List<Block> blocks = KuboExport.blocks();
    DagPb.Node root = DagPb.decode(blocks.get(0).data());
    assertEquals(List.of("empty.txt", "hello.txt", "sub"), root.links().stream().map(DagPb.Link::name).toList());
    assertEquals(6L, root.links().get(0).tsize());
    assertEquals(blocks.get(1).cid(), root.links().get(0).hash());
    assertEquals(blocks.get(2).cid(), root.links().get(1).hash());
    assertEquals(blocks.get(3).cid(), root.links().get(2).hash());
    assertArrayEquals(hex("0801"), root.data());
    DagPb.Node hello = DagPb.decode(blocks.get(2).data());
    assertTrue(hello.links().isEmpty());
    assertEquals("0802120c" + "68656c6c6f20776f726c640a" + "180c", HexFormat.of().formatHex(hello.data()));
  }

  @Test
  void emptyDirectoryAndEmptyBlock() throws Exception {
    DagPb.Node dir = DagPb.decode(hex("0a020801"));
    assertTrue(dir.links().isEmpty());
    assertArrayEquals(hex("0801"), dir.data());
    DagPb.Node empty = DagPb.decode(new byte[0]);
    assertTrue(empty.links().isEmpty());
    assertNull(empty.data());
  }

  @Test
  void strictDecoding() {
    String cid = "1220" + "00".repeat(32);
    String link = "0a22" + cid; // Hash only
    String[] bad = {
      "0a0208010a020801", // duplicate Data
      "0a020801" + "12" + "24" + link, // Data before Links
      "1a00", // field 3
      "0802", // Data with varint wire type
      "0a05aa", // length beyond the block
      "12" + "02" + "1200", // link without Hash
      "12" + "26" + "1200" + link, // Name before Hash
      "12" + "48" + link + link, // duplicate Hash
      "12" + "04" + "0a020102", // Hash not a CID
      "12" + "26" + link + "1a0f", // Tsize with the bytes wire type
      "12" + "2f" + link + "18" + "ffffffffffffffffff7f", // Tsize over 64 bits
      "ff", // truncated key varint
    };
    for (String h : bad) {
      assertThrows(CodecException.class, () -> DagPb.decode(hex(h)), h);
    }
  }

  @Test
  void linkFields() throws Exception {
    String cid = "1220" + "11".repeat(32);
    DagPb.Node n = DagPb.decode(hex("12" + "2b" + "0a22" + cid + "1203616263" + "1802"));
    assertEquals(1, n.links().size());
    assertEquals("abc", n.links().get(0).name());
    assertEquals(2L, n.links().get(0).tsize());
    assertEquals(Cid.decode(hex(cid)), n.links().get(0).hash());
    CodecException e = assertThrows(CodecException.class, () -> DagPb.decode(hex("12" + "2b" + "0a22" + cid + "1802" + "1203616263")));
    assertTrue(e.getMessage().contains("out of order"), e.getMessage());
    assertEquals(40, e.offset());
  }
}
