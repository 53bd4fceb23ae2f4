package org.jds.node.dag;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.jds.node.blockstore.Block;
import org.jds.node.car.CarException;
import org.jds.node.car.CarReader;

/** Test helper: the six complete blocks of the kubo dag-export prefix (see car/README.md), in file order. */
final class KuboExport {
  private KuboExport() {}

  static List<Block> blocks() throws Exception {
    List<Block> out = new ArrayList<>();
    try (InputStream in = KuboExport.class.getResourceAsStream("/org/jds/node/car/kubo-dag-export-prefix.car");
        CarReader r = CarReader.open(in)) {
      try {
        for (Block b = r.next(); b != null; b = r.next()) out.add(b);
      } catch (CarException expectedTruncation) {
        // the capture ends inside the seventh section
      }
    }
    if (out.size() != 6) throw new AssertionError("expected 6 blocks, got " + out.size());
    return out;
  }
}
