package org.jds.node.car;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.jds.node.blockstore.Block;
import org.jds.node.dag.DagCbor;
import org.jds.node.multiformats.Cid;
import org.jds.node.multiformats.Multicodec;
import org.jds.node.multiformats.Multihash;
import org.jds.node.multiformats.Varint;
import org.junit.jupiter.api.Test;

class CarTest {
  /** node.md §5's worked example: a one-block CAR of the raw block "hello". */
  private static final String HELLO_CAR = "3a"
      + "a265726f6f7473" + "81d82a582500" + "015512202cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824"
      + "6776657273696f6e01"
      + "29" + "015512202cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824" + "68656c6c6f";

  private static byte[] hex(String h) {
    return HexFormat.of().parseHex(h);
  }

  static List<Block> readAll(byte[] car) throws Exception {
    List<Block> out = new ArrayList<>();
    try (CarReader r = CarReader.open(new ByteArrayInputStream(car))) {
      for (Block b = r.next(); b != null; b = r.next()) out.add(b);
    }
    return out;
  }

  static byte[] write(List<Cid> roots, List<Block> blocks) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (CarWriter w = new CarWriter(out, roots)) {
      for (Block b : blocks) w.write(b);
    }
    return out.toByteArray();
  }

  private static Block raw(String s) throws Exception {
    byte[] d = s.getBytes(StandardCharsets.UTF_8);
    return new Block(Cid.v1(Multicodec.RAW, Multihash.sum(0x12, d)), d);
  }

  @Test
  void nodeMdWorkedExample() throws Exception {
    Block hello = raw("hello");
    byte[] car = write(List.of(hello.cid()), List.of(hello));
    assertEquals(HELLO_CAR, HexFormat.of().formatHex(car));
    try (CarReader r = CarReader.open(new ByteArrayInputStream(car))) {
      assertEquals(1, r.version());
      assertEquals(List.of(Cid.parse("bafkreibm6jg3ux5qumhcn2b3flc3tyu6dmlb4xa7u5bf44yegnrjhc4yeq")), r.roots());
      assertEquals(59, r.position());
      Block b = r.next();
      assertEquals(hello.cid(), b.cid());
      assertArrayEquals(hello.data(), b.data());
      assertNull(r.next());
      assertNull(r.next());
    }
  }

  /**
   * The start of a real `ipfs dag export` of QmUo33... by kubo v0.43.1, reassembled from the chunked
   * response in kubo-v0.43.1/cli_proxy_raw.log (conn#25): the header, six dag-pb blocks, then the log
   * is cut inside the seventh section, which the reader reports as truncated with its offset.
   */
  @Test
  void kuboDagExportPrefix() throws Exception {
    byte[] car;
    try (InputStream in = getClass().getResourceAsStream("kubo-dag-export-prefix.car")) {
      car = in.readAllBytes();
    }
    try (CarReader r = CarReader.open(new ByteArrayInputStream(car))) {
      assertEquals(List.of(Cid.parse("QmUo33dS581rKvRKvxGCbi4HSvBCod2DYeansceJ6aGAiM")), r.roots());
      List<Block> blocks = new ArrayList<>();
      long[] offsets = {57, 246, 287, 342, 482, 528};
      for (int i = 0; i < 6; i++) {
        assertEquals(offsets[i], r.position());
        Block b = r.next();
        assertEquals(0, b.cid().version());
        assertTrue(b.cid().multihash().matches(b.data()), b.cid().toString());
        blocks.add(b);
      }
      assertEquals(r.roots().get(0), blocks.get(0).cid());
      assertArrayEquals(hex("0a0408021800"), blocks.get(1).data()); // empty.txt
      CarException e = assertThrows(CarException.class, r::next);
      assertEquals(668, e.offset());
      assertTrue(e.getMessage().contains("truncated"), e.getMessage());
    }
  }

  @Test
  void roundTripOfManyKinds() throws Exception {
    Random rnd = new Random(5);
    List<Block> blocks = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      byte[] d = new byte[rnd.nextInt(3000)];
      rnd.nextBytes(d);
      Multihash mh = Multihash.sum(i % 3 == 0 ? 0xb220 : 0x12, d);
      Cid c = i % 4 == 0 && mh.code() == 0x12 ? Cid.v0(mh) : Cid.v1(i % 2 == 0 ? Multicodec.RAW : Multicodec.DAG_CBOR, mh);
      blocks.add(new Block(c, d));
    }
    blocks.add(new Block(Cid.parse("bafkqaaa"), new byte[0]));
    blocks.add(blocks.get(3)); // duplicates are kept as written
    byte[] car = write(List.of(blocks.get(0).cid(), blocks.get(1).cid()), blocks);
    List<Block> back = readAll(car);
    assertEquals(blocks.size(), back.size());
    for (int i = 0; i < blocks.size(); i++) {
      assertEquals(blocks.get(i).cid(), back.get(i).cid());
      assertArrayEquals(blocks.get(i).data(), back.get(i).data());
    }
    try (CarReader r = CarReader.open(new ByteArrayInputStream(car))) {
      assertEquals(List.of(blocks.get(0).cid(), blocks.get(1).cid()), r.roots());
    }
  }

  @Test
  void everyTruncationIsReportedOrEndsAtASectionBoundary() throws Exception {
    List<Block> blocks = List.of(raw("a"), raw("bb"), raw("ccc"));
    byte[] car = write(List.of(blocks.get(0).cid()), blocks);
    List<Integer> boundaries = new ArrayList<>();
    int headerEnd = 1 + (car[0] & 0xFF);
    boundaries.add(headerEnd);
    int p = headerEnd;
    for (Block b : blocks) {
      p += 1 + b.cid().size() + b.data().length;
      boundaries.add(p);
    }
    for (int cut = 0; cut < car.length; cut++) {
      byte[] prefix = java.util.Arrays.copyOf(car, cut);
      if (boundaries.contains(cut)) {
        assertEquals(boundaries.indexOf(cut), readAll(prefix).size(), "cut at a boundary " + cut);
      } else {
        CarException e = assertThrows(CarException.class, () -> readAll(prefix), "cut at " + cut);
        assertTrue(e.offset() <= cut, e.getMessage());
      }
    }
  }

  @Test
  void corruptionIsACarExceptionWithAnOffset() throws Exception {
    byte[] car = write(List.of(raw("a").cid()), List.of(raw("a"), raw("bb")));
    Random rnd = new Random(3);
    for (int i = 0; i < 5000; i++) {
      byte[] bad = car.clone();
      bad[rnd.nextInt(bad.length)] ^= (byte) (1 << rnd.nextInt(8));
      try {
        readAll(bad);
      } catch (CarException e) {
        assertTrue(e.offset() >= 0 && e.offset() <= bad.length, e.getMessage());
      }
    }
  }

  @Test
  void badHeaders() throws Exception {
    Cid root = raw("a").cid();
    List<byte[]> bad = List.of(
        new byte[0],
        hex("00"),
        hex("8000"),
        hex("05a1"),
        headerCar(Map.of("roots", List.of(root), "version", 3L)),
        headerCar(Map.of("version", 1L)),
        headerCar(Map.of("roots", List.of(root), "version", 1L, "extra", 1L)),
        headerCar(Map.of("roots", List.of("notacid"), "version", 1L)),
        headerCar(Map.of("roots", root, "version", 1L)),
        headerCar(List.of(1L)));
    for (byte[] b : bad) {
      CarException e = assertThrows(CarException.class, () -> readAll(b), HexFormat.of().formatHex(b));
      assertEquals(0, e.offset(), e.getMessage());
    }
  }

  private static byte[] headerCar(Object header) {
    byte[] h = DagCbor.encode(header);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(Varint.encode(h.length));
    out.writeBytes(h);
    return out.toByteArray();
  }

  @Test
  void sectionLimitsAndBadCids() throws Exception {
    byte[] header = write(List.of(), List.of());
    ByteArrayOutputStream zero = new ByteArrayOutputStream();
    zero.writeBytes(header);
    zero.write(0);
    CarException e = assertThrows(CarException.class, () -> readAll(zero.toByteArray()));
    assertEquals(header.length, e.offset());
    assertTrue(e.getMessage().contains("zero-length"));
    byte[] big = write(List.of(), List.of(new Block(raw("x").cid(), new byte[5000])));
    assertThrows(CarException.class, () -> {
      try (CarReader r = CarReader.open(new ByteArrayInputStream(big), 1000)) {
        r.next();
      }
    });
    ByteArrayOutputStream badCid = new ByteArrayOutputStream();
    badCid.writeBytes(header);
    badCid.write(4);
    badCid.writeBytes(hex("02551200"));
    e = assertThrows(CarException.class, () -> readAll(badCid.toByteArray()));
    assertTrue(e.getMessage().contains("bad CID"), e.getMessage());
  }

  static byte[] v2(byte[] v1, int padding, byte[] index) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(CarHeaders.V2_PRAGMA);
    ByteBuffer h = ByteBuffer.allocate(40).order(ByteOrder.LITTLE_ENDIAN);
    long dataOffset = 11 + 40 + padding;
    h.position(16);
    h.putLong(dataOffset).putLong(v1.length).putLong(index.length == 0 ? 0 : dataOffset + v1.length);
    out.writeBytes(h.array());
    out.writeBytes(new byte[padding]);
    out.writeBytes(v1);
    out.writeBytes(index);
    return out.toByteArray();
  }

  @Test
  void carV2() throws Exception {
    List<Block> blocks = List.of(raw("a"), raw("bb"), raw("ccc"));
    byte[] v1 = write(List.of(blocks.get(0).cid()), blocks);
    byte[] car = v2(v1, 7, new byte[] {1, 2, 3, 4, 5, 6});
    try (CarReader r = CarReader.open(new ByteArrayInputStream(car))) {
      assertEquals(2, r.version());
      assertEquals(List.of(blocks.get(0).cid()), r.roots());
      assertEquals(11 + 40 + 7 + 1 + (v1[0] & 0xFF), r.position());
      for (Block b : blocks) assertEquals(b.cid(), r.next().cid());
      assertNull(r.next()); // the index bytes are not read as sections
    }
    // truncated at a section boundary: a CARv2 knows its data size
    byte[] cut = java.util.Arrays.copyOf(car, car.length - 6 - (1 + blocks.get(2).cid().size() + 3));
    CarException e = assertThrows(CarException.class, () -> readAll(cut));
    assertTrue(e.getMessage().contains("CARv2 data payload truncated"), e.getMessage());
    // data offset inside the header, index overlapping the data
    byte[] inside = car.clone();
    ByteBuffer.wrap(inside, 11 + 16, 8).order(ByteOrder.LITTLE_ENDIAN).putLong(20);
    assertEquals(11, assertThrows(CarException.class, () -> readAll(inside)).offset());
    byte[] overlap = car.clone();
    ByteBuffer.wrap(overlap, 11 + 32, 8).order(ByteOrder.LITTLE_ENDIAN).putLong(60);
    assertThrows(CarException.class, () -> readAll(overlap));
    assertThrows(CarException.class, () -> readAll(java.util.Arrays.copyOf(car, 30)));
  }
}
