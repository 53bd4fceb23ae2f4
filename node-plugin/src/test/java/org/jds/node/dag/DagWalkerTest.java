package org.jds.node.dag;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jds.datastore.MapDatastore;
import org.jds.node.blockstore.Block;
import org.jds.node.blockstore.Blockstore;
import org.jds.node.car.CarReader;
import org.jds.node.car.CarWriter;
import org.jds.node.multiformats.Cid;
import org.jds.node.multiformats.Multicodec;
import org.jds.node.multiformats.Multihash;
import org.junit.jupiter.api.Test;

class DagWalkerTest {
  private static List<Cid> walk(Blockstore bs, List<Cid> roots) throws Exception {
    List<Cid> out = new ArrayList<>();
    DagWalker w = new DagWalker(bs, roots);
    for (Block b = w.next(); b != null; b = w.next()) out.add(b.cid());
    return out;
  }

  private static Block raw(String s) throws Exception {
    byte[] d = s.getBytes(StandardCharsets.UTF_8);
    return new Block(Cid.v1(Multicodec.RAW, Multihash.sum(0x12, d)), d);
  }

  private static Block cbor(Object value) throws Exception {
    byte[] d = DagCbor.encode(value);
    return new Block(Cid.v1(Multicodec.DAG_CBOR, Multihash.sum(0x12, d)), d);
  }

  /** Kubo's own export order: the walk over kubo's blocks reproduces the CAR kubo wrote. */
  @Test
  void kuboDagExportOrder() throws Exception {
    List<Block> kubo = KuboExport.blocks();
    Blockstore bs = Blockstore.builder(new MapDatastore()).build();
    // stored in reverse, so the store's order cannot leak into the walk
    for (int i = kubo.size() - 1; i >= 0; i--) bs.put(kubo.get(i).cid(), kubo.get(i).data());
    DagWalker w = new DagWalker(bs, List.of(kubo.get(0).cid()));
    for (Block expected : kubo) {
      Block b = w.next();
      assertEquals(expected.cid(), b.cid());
      assertArrayEquals(expected.data(), b.data());
    }
    // the capture stops before big.bin's first chunk; the walk asks for exactly that block next
    Cid firstChunk = DagPb.decode(kubo.get(5).data()).links().get(0).hash();
    MissingBlockException e = assertThrows(MissingBlockException.class, w::next);
    assertEquals(firstChunk, e.cid());
    assertEquals("ipld: could not find " + firstChunk, e.getMessage());
    assertTrue(e.isNotFound());
  }

  @Test
  void depthFirstPreOrderEachBlockOnce() throws Exception {
    Blockstore bs = Blockstore.builder(new MapDatastore()).build();
    Block leafA = raw("a");
    Block leafB = raw("b");
    Block shared = cbor(Map.of("l", List.of(leafA.cid(), leafB.cid())));
    Block left = cbor(Map.of("x", shared.cid(), "y", leafA.cid()));
    Block right = cbor(Map.of("x", shared.cid()));
    Block root = cbor(List.of(left.cid(), right.cid(), leafB.cid(), root0()));
    for (Block b : List.of(leafA, leafB, shared, left, right, root)) bs.put(b.cid(), b.data());
    assertEquals(List.of(root.cid(), left.cid(), shared.cid(), leafA.cid(), leafB.cid(), right.cid(), root0()),
        walk(bs, List.of(root.cid())));
    // several roots share the seen set: a second root's known blocks are not repeated
    Block other = cbor(List.of(leafB.cid(), raw("c").cid()));
    bs.put(other.cid(), other.data());
    bs.put(raw("c").cid(), raw("c").data());
    List<Cid> two = walk(bs, List.of(root.cid(), other.cid()));
    assertEquals(List.of(other.cid(), raw("c").cid()), two.subList(7, 9));
    assertEquals(9, two.size());
  }

  /** An identity CID: answered by the blockstore, yielded like any block. */
  private static Cid root0() throws Exception {
    return Cid.parse("bafkqaaa");
  }

  @Test
  void unsupportedCodecAndBadBlocks() throws Exception {
    Blockstore bs = Blockstore.builder(new MapDatastore()).build();
    byte[] json = "{}".getBytes(StandardCharsets.UTF_8);
    Cid dagJson = Cid.v1(Multicodec.DAG_JSON, Multihash.sum(0x12, json));
    bs.put(dagJson, json);
    CodecException e = assertThrows(CodecException.class, () -> new DagWalker(bs, List.of(dagJson)).next());
    assertTrue(e.getMessage().contains("dag-json"), e.getMessage());
    byte[] notCbor = {(byte) 0xff};
    Cid badCbor = Cid.v1(Multicodec.DAG_CBOR, Multihash.sum(0x12, notCbor));
    bs.put(badCbor, notCbor);
    assertThrows(CodecException.class, () -> new DagWalker(bs, List.of(badCbor)).next());
    Cid missing = raw("missing").cid();
    assertThrows(MissingBlockException.class, () -> new DagWalker(bs, List.of(missing)).next());
  }

  @Test
  void exportImportRoundTripThroughCar() throws Exception {
    Blockstore src = Blockstore.builder(new MapDatastore()).build();
    List<Cid> leaves = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      Block b = raw("leaf " + i);
      src.put(b.cid(), b.data());
      leaves.add(b.cid());
    }
    Block mid = cbor(Map.of("leaves", leaves.subList(0, 25)));
    Block root = cbor(Map.of("mid", mid.cid(), "rest", leaves.subList(20, 50)));
    src.put(mid.cid(), mid.data());
    src.put(root.cid(), root.data());
    ByteArrayOutputStream car = new ByteArrayOutputStream();
    List<Cid> order = new ArrayList<>();
    try (CarWriter w = new CarWriter(car, List.of(root.cid()))) {
      DagWalker walker = new DagWalker(src, List.of(root.cid()));
      for (Block b = walker.next(); b != null; b = walker.next()) {
        w.write(b);
        order.add(b.cid());
      }
    }
    assertEquals(52, order.size());
    Blockstore dst = Blockstore.builder(new MapDatastore()).build();
    try (CarReader r = CarReader.open(new ByteArrayInputStream(car.toByteArray()))) {
      assertEquals(List.of(root.cid()), r.roots());
      List<Block> batch = new ArrayList<>();
      for (Block b = r.next(); b != null; b = r.next()) batch.add(b);
      dst.putMany(batch);
      assertEquals(order, batch.stream().map(Block::cid).toList());
    }
    assertEquals(order, walk(dst, List.of(root.cid())));
    for (Cid c : order) assertArrayEquals(src.get(c), dst.get(c));
    assertNull(new DagWalker(dst, List.of()).next());
  }
}
