package org.jds.node.dag;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import org.jds.node.blockstore.Block;
import org.jds.node.car.CarException;
import org.jds.node.car.CarReader;

/**
 * One check per block/file parser, shared by the Jazzer targets and the seeded random test: any input
 * decodes or fails with the parser's checked exception; a DAG-CBOR value that decodes re-encodes to
 * the same bytes (strictness makes the encoding unique).
 */
final class CodecChecks {
  /** A small section limit keeps fuzzing's allocations small. */
  static final int MAX_SECTION = 1 << 16;

  private CodecChecks() {}

  static void dagCbor(byte[] in) {
    try {
      Object v = DagCbor.decode(in);
      assertArrayEquals(in, DagCbor.encode(v), "a strict decode re-encodes to its input");
      assertEquals(DagCbor.links(in).size(), DagCbor.links(DagCbor.encode(v)).size());
    } catch (CodecException expected) {
      // bad input
    }
  }

  static void dagPb(byte[] in) {
    try {
      DagPb.Node n = DagPb.decode(in);
      assertEquals(n.links().size(), DagPb.links(in).size());
    } catch (CodecException expected) {
      // bad input
    }
  }

  static void car(byte[] in) throws IOException {
    try (CarReader r = CarReader.open(new ByteArrayInputStream(in), MAX_SECTION)) {
      long last = r.position();
      for (Block b = r.next(); b != null; b = r.next()) {
        assertEquals(true, r.position() > last);
        last = r.position();
      }
    } catch (CarException expected) {
      // bad input
    }
  }
}
