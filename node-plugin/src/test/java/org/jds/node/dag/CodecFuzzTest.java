package org.jds.node.dag;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;

/**
 * Jazzer fuzz targets for the DAG-CBOR and DAG-PB decoders and the CAR reader (checks in
 * {@link CodecChecks}); {@code mvn verify} replays the seeds in {@code CodecFuzzTestInputs/},
 * {@code JAZZER_FUZZ=1} fuzzes (node-plugin/README.md). {@link CodecRobustnessTest} adds a seeded
 * random run to every build.
 */
class CodecFuzzTest {
  @FuzzTest(maxDuration = "60s")
  void fuzzDagCbor(byte[] data) {
    CodecChecks.dagCbor(data);
  }

  @FuzzTest(maxDuration = "60s")
  void fuzzDagPb(byte[] data) {
    CodecChecks.dagPb(data);
  }

  @FuzzTest(maxDuration = "60s")
  void fuzzCar(byte[] data) throws IOException {
    CodecChecks.car(data);
  }
}
