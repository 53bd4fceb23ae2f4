package org.jds.bench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The Markdown tables of a run: ops/s per workload and contestant (median of the rounds, min,
 * max) with ratios against the reference (go-ds-flatfs; kubo in the node set's rows) and the raw
 * disk, then the scale series, then the notes (what was skipped and why, how the sets ran).
 */
final class MarkdownReport {
  /** The workloads whose per-op cost the scale series and the chart show, by label. */
  static final List<String> SCALE = List.of("put 4 KiB sync=off, 1 writer", "get 4 KiB warm, random order",
      "has, hits", "query all, keys only (ops = keys)", "open (ops = keys)");

  private MarkdownReport() {}

  /** The ratio column's header. */
  static final String VS = "× go-ds-flatfs (node rows: × kubo)";

  static String render(Summary s, Plan plan, String header, List<String> notes) {
    Map<String, Workload> byLabel = new LinkedHashMap<>();
    for (int n : plan.series()) {
      for (Plan.Step st : plan.steps(n)) {
        byLabel.put(st.w().label(), st.w());
      }
    }
    byLabel.put(Plan.deleteAll().label(), Plan.deleteAll());
    int first = plan.series().get(0);
    StringBuilder b = new StringBuilder(header).append('\n');
    for (int n : s.series()) {
      b.append(String.format(Locale.ROOT, "%n### N = %,d keys (medians of %d interleaved rounds)%n%n", n,
          plan.rounds()));
      b.append("| workload | contestant | ops/s | min | max | " + VS + " | × raw disk |\n");
      b.append("|---|---|---:|---:|---:|---:|---:|\n");
      for (String wl : s.workloads(n)) {
        Workload w = byLabel.get(wl);
        String ref = s.stat(n, wl, GoFlatfs.NAME) != null ? GoFlatfs.NAME : NodeDaemon.KUBO;
        Summary.Stat go = s.stat(n, wl, ref);
        String rawLabel = w == null ? null : Plan.rawBound(w);
        Summary.Stat raw = rawLabel == null ? null : s.stat(first, rawLabel, RawDisk.NAME);
        Workload rawW = rawLabel == null ? null : byLabel.get(rawLabel);
        for (String c : s.contestants(n, wl)) {
          Summary.Stat st = s.stat(n, wl, c);
          String vsGo = go == null || c.equals(ref) || c.equals(RawDisk.NAME) ? ""
              : ratio(st.median() / go.median());
          String vsRaw = raw == null ? ""
              : ratio(st.median() * w.size() / (raw.median() * rawW.size()));
          b.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %s | %s |%n", wl, c, num(st.median()),
              num(st.min()), num(st.max()), vsGo, vsRaw));
        }
      }
    }
    b.append("\n### Scale series: cost per op (µs, median), heap per key after open, disk bytes per stored byte\n\n");
    b.append("| N | contestant | put 4 KiB µs | get µs | has µs | query µs/key | open µs/key | heap B/key | disk B/B |\n");
    b.append("|---:|---|---:|---:|---:|---:|---:|---:|---:|\n");
    for (int n : s.series()) {
      for (String c : s.contestants(n, SCALE.get(0))) {
        b.append(String.format(Locale.ROOT, "| %,d | %s", n, c));
        for (String wl : SCALE) {
          Summary.Stat st = s.stat(n, wl, c);
          b.append(" | ").append(st == null ? "" : String.format(Locale.ROOT, "%.2f", 1e6 / st.median()));
        }
        Summary.Stat open = s.stat(n, SCALE.get(4), c);
        Summary.Stat put = s.stat(n, SCALE.get(0), c);
        b.append(String.format(Locale.ROOT, " | %s | %s |%n", open == null ? "" : num(open.heapBytes() / n),
            put == null || put.diskPerStored() == 0 ? "" : String.format(Locale.ROOT, "%.2f", put.diskPerStored())));
      }
    }
    b.append('\n');
    for (String note : notes) {
      b.append("- ").append(note).append('\n');
    }
    return b.toString();
  }

  private static String ratio(double r) {
    return String.format(Locale.ROOT, r < 0.1 ? "%.2g" : "%.2f", r);
  }

  private static String num(double x) {
    return x >= 100 ? String.format(Locale.ROOT, "%,.0f", x) : String.format(Locale.ROOT, "%.1f", x);
  }
}
