package org.jds.flatfs;

import org.jds.datastore.query.GoQuote;

/** The two Go string helpers flatfs's parsing depends on, with Go's exact results. */
public final class GoStrings {
  private GoStrings() {}

  /** Go's {@code strings.TrimSpace} for the ASCII white space Go recognises (plus U+0085, U+00A0). */
  public static String trimSpace(String s) {
    int b = 0;
    int e = s.length();
    while (b < e && isSpace(s.charAt(b))) {
      b++;
    }
    while (e > b && isSpace(s.charAt(e - 1))) {
      e--;
    }
    return s.substring(b, e);
  }

  private static boolean isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r' || c == '\u0085'
        || c == '\u00A0' || Character.isSpaceChar(c);
  }

  /**
   * Null if {@code s} parses under Go's {@code strconv.Atoi} into a Java int, otherwise Go's error
   * text, e.g. {@code strconv.Atoi: parsing "x": invalid syntax}.
   */
  public static String atoiError(String s) {
    String digits = s.startsWith("+") || s.startsWith("-") ? s.substring(1) : s;
    boolean syntax = !digits.isEmpty() && digits.chars().allMatch(c -> c >= '0' && c <= '9');
    if (!syntax) {
      return "strconv.Atoi: parsing " + GoQuote.quote(s) + ": invalid syntax";
    }
    try {
      Integer.parseInt(s.startsWith("+") ? digits : s);
      return null;
    } catch (NumberFormatException e) {
      // Go's int is 64-bit, so this is wider than Go's range; no shard needs > 2^31.
      return "strconv.Atoi: parsing " + GoQuote.quote(s) + ": value out of range";
    }
  }
}
