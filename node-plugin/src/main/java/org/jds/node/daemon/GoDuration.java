package org.jds.node.daemon;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jds.node.plugin.ConfigException;

/** Go's {@code time.ParseDuration} for config values such as {@code GCPeriod} ("1h", "90m", "1h30m", "500ms"). */
public final class GoDuration {
  private static final Pattern PART = Pattern.compile("(\\d+(?:\\.\\d+)?)(ns|us|µs|ms|s|m|h)");

  private GoDuration() {}

  /** @throws ConfigException not a Go duration */
  public static Duration parse(String s) throws ConfigException {
    if (s.equals("0")) return Duration.ZERO;
    Matcher m = PART.matcher(s);
    int at = 0;
    double nanos = 0;
    while (at < s.length() && m.find(at) && m.start() == at) {
      double v = Double.parseDouble(m.group(1));
      nanos += v * switch (m.group(2)) {
        case "ns" -> 1;
        case "us", "µs" -> 1e3;
        case "ms" -> 1e6;
        case "s" -> 1e9;
        case "m" -> 60e9;
        default -> 3600e9;
      };
      at = m.end();
    }
    if (at == 0 || at != s.length()) throw new ConfigException("time: invalid duration \"" + s + "\"");
    return Duration.ofNanos((long) nanos);
  }
}
