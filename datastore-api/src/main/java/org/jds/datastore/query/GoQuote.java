package org.jds.datastore.query;

import java.nio.charset.StandardCharsets;

/** Go's {@code strconv.Quote}, so that {@code Query.toString()} reads exactly like Go's. */
public final class GoQuote {
  private GoQuote() {}

  public static String quote(String s) {
    return quote(s.getBytes(StandardCharsets.UTF_8));
  }

  /** Quotes bytes as Go's %q does for a []byte/string: printable runes kept, the rest escaped. */
  public static String quote(byte[] b) {
    StringBuilder sb = new StringBuilder(b.length + 2).append('"');
    int i = 0;
    while (i < b.length) {
      int c = b[i] & 0xff;
      int len = utf8Length(b, i);
      if (len == 0) { // invalid UTF-8 byte
        sb.append(String.format("\\x%02x", c));
        i++;
        continue;
      }
      int cp = new String(b, i, len, StandardCharsets.UTF_8).codePointAt(0);
      i += len;
      switch (cp) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case 7 -> sb.append("\\a");
        case '\b' -> sb.append("\\b");
        case '\f' -> sb.append("\\f");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        case 11 -> sb.append("\\v");
        default -> {
          if (cp < 0x20 || cp == 0x7f) {
            sb.append(String.format("\\x%02x", cp));
          } else if (cp < 0x80 || isPrintable(cp)) {
            sb.appendCodePoint(cp);
          } else if (cp < 0x10000) {
            sb.append(String.format("\\u%04x", cp));
          } else {
            sb.append(String.format("\\U%08x", cp));
          }
        }
      }
    }
    return sb.append('"').toString();
  }

  private static boolean isPrintable(int cp) {
    int t = Character.getType(cp);
    // A validly encoded U+FFFD is a printable symbol in Go; only invalid bytes become \x escapes.
    return t != Character.CONTROL
        && t != Character.FORMAT
        && t != Character.UNASSIGNED
        && t != Character.PRIVATE_USE
        && t != Character.SURROGATE
        && t != Character.LINE_SEPARATOR
        && t != Character.PARAGRAPH_SEPARATOR
        && (t != Character.SPACE_SEPARATOR || cp == ' ');
  }

  /** Length of a valid UTF-8 sequence at {@code i}, or 0 if invalid. */
  private static int utf8Length(byte[] b, int i) {
    int c = b[i] & 0xff;
    int n;
    int min;
    if (c < 0x80) {
      return 1;
    } else if (c >= 0xc2 && c <= 0xdf) {
      n = 2;
      min = 0x80;
    } else if (c >= 0xe0 && c <= 0xef) {
      n = 3;
      min = 0x800;
    } else if (c >= 0xf0 && c <= 0xf4) {
      n = 4;
      min = 0x10000;
    } else {
      return 0;
    }
    if (i + n > b.length) {
      return 0;
    }
    int cp = c & (0xff >> (n + 1));
    for (int k = 1; k < n; k++) {
      int cc = b[i + k] & 0xff;
      if ((cc & 0xc0) != 0x80) {
        return 0;
      }
      cp = (cp << 6) | (cc & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) {
      return 0;
    }
    return n;
  }
}
