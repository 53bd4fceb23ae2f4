package org.jds.flatfs;

import java.time.Duration;

/** Go's {@code time.Duration.String()} for whole seconds and up, e.g. {@code 5m0s}, {@code 1h2m3s}. */
final class GoDuration {
  private GoDuration() {}

  static String format(Duration d) {
    if (d.isZero()) {
      return "0s";
    }
    long ms = d.toMillis();
    long h = ms / 3_600_000;
    long m = ms / 60_000 % 60;
    double s = (ms % 60_000) / 1000.0;
    StringBuilder sb = new StringBuilder();
    if (h > 0) {
      sb.append(h).append('h');
    }
    if (h > 0 || m > 0) {
      sb.append(m).append('m');
    }
    String secs = s == Math.rint(s) ? String.valueOf((long) s) : String.valueOf(s);
    return sb.append(secs).append('s').toString();
  }
}
