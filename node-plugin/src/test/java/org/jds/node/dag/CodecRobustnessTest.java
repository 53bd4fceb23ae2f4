package org.jds.node.dag;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.jds.node.Mutations;
import org.jds.node.blockstore.Block;
import org.jds.node.car.CarWriter;
import org.junit.jupiter.api.Test;

/**
 * Seeded random {@link Mutations} of valid DAG-CBOR, DAG-PB and CAR bytes through {@link CodecChecks}.
 */
class CodecRobustnessTest {
  private static final int ROUNDS = 10_000;

  @Test
  void dagCborAndDagPb() throws Exception {
    List<Block> kubo = KuboExport.blocks();
    List<byte[]> pb = new ArrayList<>();
    for (Block b : kubo) pb.add(b.data());
    Mutations.run(pb, 1, ROUNDS, CodecChecks::dagPb);
    List<byte[]> cbor = new ArrayList<>();
    cbor.add(DagCbor.encode(Map.of("roots", List.of(kubo.get(0).cid()), "version", 1L)));
    cbor.add(DagCbor.encode(Arrays.asList(1L, -300L, "x", new byte[] {1}, true, null, 1.5, Map.of("a", kubo.get(1).cid()))));
    Mutations.run(cbor, 2, ROUNDS, CodecChecks::dagCbor);
  }

  @Test
  void car() throws Exception {
    List<Block> kubo = KuboExport.blocks();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (CarWriter w = new CarWriter(out, List.of(kubo.get(0).cid()))) {
      for (Block b : kubo.subList(0, 3)) w.write(b);
    }
    Mutations.run(List.of(out.toByteArray()), 3, ROUNDS, CodecChecks::car);
  }
}
