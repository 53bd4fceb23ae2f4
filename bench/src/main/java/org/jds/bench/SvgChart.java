package org.jds.bench;

import java.util.List;
import java.util.Locale;

/**
 * The scale-series chart as plain SVG: one panel per workload of {@link MarkdownReport#SCALE},
 * cost per op in µs (log scale) against N (log scale), one line per contestant.
 */
final class SvgChart {
  private static final String[] COLOURS = {"#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e"};
  private static final int PW = 320; // panel width
  private static final int PH = 220; // panel height
  private static final int M = 50; // margin inside a panel for the axes
  private static final int COLS = 3;

  private SvgChart() {}

  static String render(Summary s, String title) {
    List<Integer> series = s.series();
    // No samples (a --only run without store workloads): an empty chart with its title.
    List<String> contestants = series.isEmpty() ? List.of()
        : s.contestants(series.get(0), MarkdownReport.SCALE.get(0));
    int panels = MarkdownReport.SCALE.size();
    int rows = (panels + COLS - 1) / COLS;
    int width = COLS * PW;
    int height = rows * PH + 60;
    StringBuilder b = new StringBuilder();
    b.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\""
        + " viewBox=\"0 0 %d %d\" font-family=\"sans-serif\" font-size=\"11\">%n", width, height, width, height));
    b.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
    b.append(String.format(Locale.ROOT, "<text x=\"10\" y=\"18\" font-size=\"14\">%s</text>%n", esc(title)));
    for (int i = 0; i < contestants.size(); i++) {
      b.append(String.format(Locale.ROOT,
          "<rect x=\"%d\" y=\"28\" width=\"12\" height=\"4\" fill=\"%s\"/><text x=\"%d\" y=\"34\">%s</text>%n",
          10 + i * 150, COLOURS[i % COLOURS.length], 26 + i * 150, esc(contestants.get(i))));
    }
    for (int p = 0; p < panels; p++) {
      panel(b, s, MarkdownReport.SCALE.get(p), contestants, (p % COLS) * PW, 50 + (p / COLS) * PH);
    }
    return b.append("</svg>\n").toString();
  }

  private static void panel(StringBuilder b, Summary s, String workload, List<String> contestants, int x0, int y0) {
    List<Integer> series = s.series();
    double lo = Double.MAX_VALUE;
    double hi = 0;
    for (int n : series) {
      for (String c : contestants) {
        Summary.Stat st = s.stat(n, workload, c);
        if (st != null && st.median() > 0) {
          lo = Math.min(lo, 1e6 / st.median());
          hi = Math.max(hi, 1e6 / st.median());
        }
      }
    }
    if (hi == 0) {
      return;
    }
    double yLo = Math.pow(10, Math.floor(Math.log10(lo)));
    double yHi = Math.pow(10, Math.ceil(Math.log10(hi)));
    if (yHi <= yLo) {
      yHi = yLo * 10;
    }
    double xLo = Math.log10(series.get(0));
    double xHi = Math.log10(series.get(series.size() - 1));
    double xSpan = xHi > xLo ? xHi - xLo : 1;
    int left = x0 + M;
    int right = x0 + PW - 15;
    int top = y0 + 20;
    int bottom = y0 + PH - 35;
    b.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-weight=\"bold\">%s</text>%n", left,
        y0 + 12, esc(workload)));
    b.append(String.format(Locale.ROOT,
        "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"none\" stroke=\"#999\"/>%n", left, top,
        right - left, bottom - top));
    for (double y = yLo; y <= yHi * 1.001; y *= 10) {
      double py = bottom - (Math.log10(y) - Math.log10(yLo)) / (Math.log10(yHi) - Math.log10(yLo)) * (bottom - top);
      b.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s µs</text>%n", left - 4,
          py + 4, y >= 1 ? String.format(Locale.ROOT, "%.0f", y) : String.format(Locale.ROOT, "%.2g", y)));
    }
    for (int n : series) {
      double px = left + (Math.log10(n) - xLo) / xSpan * (right - left);
      b.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">N=%,d</text>%n", px,
          bottom + 14, n));
    }
    for (int i = 0; i < contestants.size(); i++) {
      StringBuilder pts = new StringBuilder();
      for (int n : series) {
        Summary.Stat st = s.stat(n, workload, contestants.get(i));
        if (st == null || st.median() <= 0) {
          continue;
        }
        double us = 1e6 / st.median();
        double px = left + (Math.log10(n) - xLo) / xSpan * (right - left);
        double py = bottom - (Math.log10(us) - Math.log10(yLo)) / (Math.log10(yHi) - Math.log10(yLo)) * (bottom - top);
        pts.append(String.format(Locale.ROOT, "%.1f,%.1f ", px, py));
        b.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3\" fill=\"%s\"/>%n", px, py,
            COLOURS[i % COLOURS.length]));
      }
      b.append(String.format(Locale.ROOT, "<polyline points=\"%s\" fill=\"none\" stroke=\"%s\" stroke-width=\"2\"/>%n",
          pts.toString().trim(), COLOURS[i % COLOURS.length]));
    }
  }

  private static String esc(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
