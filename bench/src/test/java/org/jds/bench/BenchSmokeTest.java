package org.jds.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import org.jds.interop.GoBuild;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code jds bench --quick} once, end to end, with no thresholds: it must finish, and its three
 * outputs must exist and be well-formed with a sample for every workload and contestant, the s3ds
 * and node rows included when MinIO and kubo are there (always under CI=true, where a missing one
 * fails the run); else the table says why they were skipped. Without {@code go} it is skipped,
 * unless CI=true.
 */
class BenchSmokeTest {
  @TempDir
  Path tmp;

  @Test
  void quickRunWritesTableJsonAndChart() throws Exception {
    Assumptions.assumeTrue(GoBuild.findGo() != null || "true".equalsIgnoreCase(System.getenv("CI")),
        "no Go toolchain; jds bench needs one for go-ds-flatfs");
    Path out = tmp.resolve("out");
    int exit = new CommandLine(new Bench()).execute("--quick", "--out", out.toString());
    assertEquals(0, exit);
    assertFalse(Files.exists(out.resolve("stores")), "the stores are removed after the run");

    JsonNode doc = new ObjectMapper().readTree(out.resolve("results.json").toFile());
    assertEquals("jds bench --quick", doc.get("command").asText());
    Plan plan = Plan.of(true, false, 3);
    String md = Files.readString(out.resolve("bench.md"));
    boolean s3 = Binaries.minio().path() != null;
    boolean node = Binaries.kubo().path() != null;
    assertTrue(s3 || md.contains("s3 set (s3ds on MinIO) skipped: "), md);
    assertTrue(node || md.contains("node set (jds daemon against kubo) skipped: "), md);
    Set<String> seen = new HashSet<>();
    for (JsonNode s : doc.get("samples")) {
      assertTrue(s.get("seconds").asDouble() > 0, s::toString);
      assertTrue(s.get("ops").asInt() > 0, s::toString);
      seen.add(s.get("n").asInt() + "|" + s.get("workload").asText() + "|" + s.get("contestant").asText()
          + "|" + s.get("round").asInt());
    }
    for (int n : plan.series()) {
      for (Plan.Step st : plan.steps(n)) {
        List<String> who = switch (st.group()) {
          case RAW -> List.of(RawDisk.NAME);
          case STORES -> List.of(GoFlatfs.NAME, "java-flatfs", "java-blobfs");
          case S3 -> s3 ? List.of(GoFlatfs.NAME, "java-flatfs", "java-blobfs", JavaStore.S3DS) : List.of();
          case NODE -> node ? List.of(NodeDaemon.KUBO, "jds-daemon-blobfs", "jds-daemon-flatfs") : List.of();
        };
        for (String c : who) {
          for (int r = 0; r < plan.rounds(); r++) {
            assertTrue(seen.contains(n + "|" + st.w().label() + "|" + c + "|" + r), n + " " + st.w().label() + " " + c);
          }
        }
      }
    }

    assertTrue(md.contains("| workload | contestant | ops/s | min | max | " + MarkdownReport.VS + " | × raw disk |"),
        md);
    assertTrue(md.contains("| delete all (run last) | java-blobfs |"), md);
    assertEquals("svg", DocumentBuilderFactory.newInstance().newDocumentBuilder()
        .parse(out.resolve("scale.svg").toFile()).getDocumentElement().getTagName());
  }
}
