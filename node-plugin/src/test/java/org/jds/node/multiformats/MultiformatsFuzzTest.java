package org.jds.node.multiformats;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;

/**
 * Jazzer fuzz targets, one per parser (checks in {@link ParserChecks}). {@code mvn verify} replays the
 * seed corpus in {@code MultiformatsFuzzTestInputs/<method>/}; with {@code JAZZER_FUZZ=1} each target
 * fuzzes for {@code maxDuration} (see node-plugin/README.md). {@link ParserRobustnessTest} adds a
 * deterministic random run of the same checks to every build.
 */
class MultiformatsFuzzTest {
  @FuzzTest(maxDuration = "60s")
  void fuzzVarint(byte[] data) throws IOException {
    ParserChecks.varint(data);
  }

  @FuzzTest(maxDuration = "60s")
  void fuzzMultibase(byte[] data) {
    ParserChecks.multibase(data);
  }

  @FuzzTest(maxDuration = "60s")
  void fuzzMultihash(byte[] data) {
    ParserChecks.multihash(data);
  }

  @FuzzTest(maxDuration = "60s")
  void fuzzCidBytes(byte[] data) {
    ParserChecks.cidBytes(data);
  }

  @FuzzTest(maxDuration = "60s")
  void fuzzCidString(byte[] data) {
    ParserChecks.cidString(data);
  }
}
