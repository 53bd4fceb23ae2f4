package org.jds.node.daemon;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.jds.node.blockstore.Block;
import org.jds.node.car.CarWriter;
import org.jds.node.dag.DagCbor;
import org.jds.node.multiformats.Cid;
import org.jds.node.multiformats.Multicodec;
import org.jds.node.multiformats.Multihash;

/** Test helper: a three-level DAG (dag-cbor root and middles, raw leaves) in kubo's export order, and its CARs. */
final class TestDags {
  final List<Block> blocks = new ArrayList<>(); // DFS pre-order, the order dag export writes
  final Cid root;

  /** {@code fanout} middles of {@code fanout} random raw leaves each, seeded. */
  TestDags(int fanout, int leafSize, long seed) throws Exception {
    Random rnd = new Random(seed);
    List<List<Block>> subtrees = new ArrayList<>();
    List<Cid> mids = new ArrayList<>();
    for (int m = 0; m < fanout; m++) {
      List<Block> leaves = new ArrayList<>();
      List<Cid> links = new ArrayList<>();
      for (int l = 0; l < fanout; l++) {
        byte[] d = new byte[leafSize];
        rnd.nextBytes(d);
        Block b = raw(d);
        leaves.add(b);
        links.add(b.cid());
      }
      Block mid = cbor(Map.of("name", "mid" + m, "links", links));
      mids.add(mid.cid());
      List<Block> sub = new ArrayList<>();
      sub.add(mid);
      sub.addAll(leaves);
      subtrees.add(sub);
    }
    Block r = cbor(Map.of("name", "root", "links", mids));
    root = r.cid();
    blocks.add(r);
    for (List<Block> s : subtrees) blocks.addAll(s);
  }

  static Block raw(byte[] d) throws Exception {
    return new Block(Cid.v1(Multicodec.RAW, Multihash.sum(Multicodec.SHA2_256.code(), d)), d);
  }

  static Block cbor(Object value) throws Exception {
    byte[] d = DagCbor.encode(value);
    return new Block(Cid.v1(Multicodec.DAG_CBOR, Multihash.sum(Multicodec.SHA2_256.code(), d)), d);
  }

  /** How many blocks {@code bs} lists. */
  static int count(org.jds.node.blockstore.Blockstore bs) throws Exception {
    int n = 0;
    try (org.jds.node.blockstore.BlockListing l = bs.keys()) {
      while (l.next() != null) n++;
    }
    return n;
  }

  long bytes() {
    long n = 0;
    for (Block b : blocks) n += b.data().length;
    return n;
  }

  /** The CARv1 dag export of the root gives. */
  byte[] carV1() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (CarWriter w = new CarWriter(out, List.of(root))) {
      for (Block b : blocks) w.write(b);
    }
    return out.toByteArray();
  }

  /** The same CAR wrapped as CARv2: pragma, 40-byte header, the CARv1 payload, no index. */
  byte[] carV2() throws Exception {
    byte[] v1 = carV1();
    byte[] pragma = {0x0a, (byte) 0xa1, 0x67, 0x76, 0x65, 0x72, 0x73, 0x69, 0x6f, 0x6e, 0x02};
    ByteBuffer h = ByteBuffer.allocate(40).order(ByteOrder.LITTLE_ENDIAN);
    h.put(new byte[16]).putLong(pragma.length + 40).putLong(v1.length).putLong(0);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(pragma);
    out.writeBytes(h.array());
    out.writeBytes(v1);
    return out.toByteArray();
  }
}
