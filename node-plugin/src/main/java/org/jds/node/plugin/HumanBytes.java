package org.jds.node.plugin;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Map;

/**
 * go-humanize's {@code ParseBytes}, which Kubo uses for {@code StorageMax}: a decimal number (commas
 * ignored) and an optional unit, case-insensitive; {@code KB}/{@code K} are 1000, {@code KiB}/{@code Ki}
 * are 1024 ({@code "10GB"} is 10,000,000,000 bytes). Stateless.
 */
public final class HumanBytes {
  private static final Map<String, Long> UNITS = Map.ofEntries(
      Map.entry("", 1L), Map.entry("b", 1L),
      Map.entry("k", 1000L), Map.entry("kb", 1000L), Map.entry("ki", 1L << 10), Map.entry("kib", 1L << 10),
      Map.entry("m", 1000_000L), Map.entry("mb", 1000_000L), Map.entry("mi", 1L << 20), Map.entry("mib", 1L << 20),
      Map.entry("g", 1000_000_000L), Map.entry("gb", 1000_000_000L), Map.entry("gi", 1L << 30), Map.entry("gib", 1L << 30),
      Map.entry("t", 1000_000_000_000L), Map.entry("tb", 1000_000_000_000L), Map.entry("ti", 1L << 40), Map.entry("tib", 1L << 40),
      Map.entry("p", 1000_000_000_000_000L), Map.entry("pb", 1000_000_000_000_000L), Map.entry("pi", 1L << 50),
      Map.entry("pib", 1L << 50));

  private HumanBytes() {}

  /**
   * The byte count {@code s} stands for.
   *
   * @throws ConfigException for an unknown unit, a malformed number or more than {@code Long.MAX_VALUE}
   */
  public static long parse(String s) throws ConfigException {
    int end = 0;
    while (end < s.length() && (Character.isDigit(s.charAt(end)) || s.charAt(end) == '.' || s.charAt(end) == ',')) {
      end++;
    }
    String unit = s.substring(end).trim().toLowerCase(Locale.ROOT);
    Long mul = UNITS.get(unit);
    if (mul == null) {
      throw new ConfigException("unhandled size name: " + unit);
    }
    try {
      BigDecimal v = new BigDecimal(s.substring(0, end).replace(",", "")).multiply(BigDecimal.valueOf(mul));
      return v.toBigInteger().longValueExact();
    } catch (NumberFormatException | ArithmeticException e) {
      throw new ConfigException("invalid size '" + s + "'");
    }
  }
}
