package org.jds.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

/** The tables and the chart from made-up records: ratios, placement, well-formed SVG. */
class ReportTest {
  private static final Plan PLAN = Plan.of(true, false, 1);

  private static List<Record> records() {
    List<Record> rs = new ArrayList<>();
    for (int n : PLAN.series()) {
      for (Plan.Step st : PLAN.steps(n)) {
        if (st.group() == Plan.Group.RAW) {
          rs.add(new Record(n, 0, st.w().label(), RawDisk.NAME, 1000, 1.0, 0, 0, 0));
          continue;
        }
        if (st.group() == Plan.Group.NODE) {
          rs.add(new Record(n, 0, st.w().label(), NodeDaemon.KUBO, 200, 1.0, 0, 0, 0));
          rs.add(new Record(n, 0, st.w().label(), "jds-daemon-blobfs", 500, 1.0, 0, 0, 0));
          continue;
        }
        rs.add(new Record(n, 0, st.w().label(), GoFlatfs.NAME, 100, 1.0, 0, 0, 0));
        rs.add(new Record(n, 0, st.w().label(), "java-flatfs", 50, 1.0, 0, 0, 0));
      }
    }
    return rs;
  }

  @Test
  void ratiosAgainstGoAndTheRawDisk() {
    String md = MarkdownReport.render(new Summary(records()), PLAN, "## head", List.of("a note"));
    // 50 / 100 ops/s against Go; a synced 4 KiB put against 1000 fdatasyncs/s of 4 KiB: 0.05.
    assertTrue(md.contains("| put 4 KiB sync=on, 1 writer | java-flatfs | 50.0 | 50.0 | 50.0 | 0.50 | 0.050 |"), md);
    // 256 KiB puts against 1000 raw writes/s of 256 KiB, in bytes: 50 / 1000.
    assertTrue(md.contains("| put 256 KiB sync=on, 1 writer | java-flatfs | 50.0 | 50.0 | 50.0 | 0.50 | 0.050 |"), md);
    // Go is the reference: no ratio against itself.
    assertTrue(md.contains("| get 4 KiB warm, random order | go-ds-flatfs | 100 | 100 | 100 |  | 0.10 |"), md);
    // Node rows: against kubo, not go-ds-flatfs, and no raw-disk bound.
    assertTrue(md.contains("| node: RPC block/put 4 KiB, 16 clients | jds-daemon-blobfs | 500 | 500 | 500 | 2.50 |  |"),
        md);
    assertTrue(md.contains("| node: gateway raw GET, 1 client | kubo | 200 | 200 | 200 |  |  |"), md);
    assertTrue(md.contains("\n- a note\n"), md);
    for (int n : PLAN.series()) {
      assertTrue(md.contains(String.format("| %,d | java-flatfs | 20000.00 |", n)), md);
    }
  }

  @Test
  void chartIsWellFormedSvgWithALinePerContestantAndPanel() throws Exception {
    String svg = SvgChart.render(new Summary(records()), "t <&>");
    Document d = DocumentBuilderFactory.newInstance().newDocumentBuilder()
        .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    assertEquals("svg", d.getDocumentElement().getTagName());
    // The node rows are no scale workloads: the chart has the two store contestants only.
    assertEquals(2 * MarkdownReport.SCALE.size(), d.getElementsByTagName("polyline").getLength());
  }
}
