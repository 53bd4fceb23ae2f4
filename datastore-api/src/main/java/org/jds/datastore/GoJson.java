package org.jds.datastore;

/**
 * JSON strings exactly as Go's {@code encoding/json} writes and reads them: what {@code
 * Key.MarshalJSON} / {@code UnmarshalJSON} need (a key is one JSON string, so no JSON library), and
 * the string reader of flatfs's {@code diskUsage.cache} parser. Stateless and thread-safe.
 */
public final class GoJson {
  private GoJson() {}

  private static final char[] HEX = "0123456789abcdef".toCharArray();

  /**
   * Go's {@code json.Marshal(string)}: quotes; escapes the quote and the backslash; backspace, form
   * feed, newline, carriage return and tab by their short names and other control characters as
   * six-character u-escapes; HTML-safe {@code <}, {@code >}, {@code &} and U+2028/U+2029 as
   * u-escapes; a lone surrogate (invalid UTF-8 in Go) as the u-escape of U+FFFD.
   */
  public static String quote(String s) {
    StringBuilder sb = new StringBuilder(s.length() + 2).append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\b' -> sb.append("\\b");
        case '\f' -> sb.append("\\f");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        case '<', '>', '&', '\u2028', '\u2029' -> unicodeEscape(sb, c);
        default -> {
          if (c < 0x20) {
            unicodeEscape(sb, c);
          } else if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
            sb.append(c).append(s.charAt(++i));
          } else if (Character.isSurrogate(c)) {
            sb.append("\\ufffd");
          } else {
            sb.append(c);
          }
        }
      }
    }
    return sb.append('"').toString();
  }

  private static void unicodeEscape(StringBuilder sb, char c) {
    sb.append("\\u").append(HEX[c >> 12]).append(HEX[(c >> 8) & 0xf]).append(HEX[(c >> 4) & 0xf]).append(HEX[c & 0xf]);
  }

  /**
   * Go's {@code json.Unmarshal(data, &string)}: one JSON string literal, surrounded by optional
   * JSON whitespace; {@code null} leaves the string empty. An escaped or raw surrogate without its
   * pair becomes U+FFFD, as in Go.
   *
   * @throws InvalidKeyException for anything else (Go's decoding error)
   */
  public static String unquote(String json) throws InvalidKeyException {
    int start = skipSpace(json, 0);
    int end = json.length();
    while (end > start && isSpace(json.charAt(end - 1))) {
      end--;
    }
    if (start == end) {
      throw new InvalidKeyException("unexpected end of JSON input");
    }
    if (json.startsWith("null", start) && end == start + 4) {
      return ""; // Go: unmarshalling null into a string leaves it unchanged
    }
    if (json.charAt(start) != '"') {
      throw new InvalidKeyException("json: cannot unmarshal " + json.substring(start, end) + " into Go value of type string");
    }
    StringBuilder sb = new StringBuilder(end - start);
    int i = readString(json.substring(0, end), start, sb);
    if (i != end) {
      throw new InvalidKeyException("invalid character '" + json.charAt(i) + "' after top-level value");
    }
    return sb.toString();
  }

  /**
   * Reads the JSON string literal that starts with the quote at {@code at} in {@code s}, appending
   * its text to {@code out} (Go's decoding rules, as {@link #unquote}).
   *
   * @return the index just after the closing quote
   * @throws InvalidKeyException if no valid string literal starts at {@code at}
   */
  public static int readString(String s, int at, StringBuilder out) throws InvalidKeyException {
    int end = s.length();
    if (at >= end || s.charAt(at) != '"') {
      throw new InvalidKeyException("expected a JSON string at " + at);
    }
    int i = at + 1;
    while (true) {
      if (i >= end) {
        throw new InvalidKeyException("unexpected end of JSON input");
      }
      char c = s.charAt(i++);
      if (c == '"') {
        return i;
      }
      if (c < 0x20) {
        throw new InvalidKeyException("invalid character in string literal");
      }
      if (c != '\\') {
        if (Character.isHighSurrogate(c) && i < end && Character.isLowSurrogate(s.charAt(i))) {
          out.append(c).append(s.charAt(i++));
        } else {
          out.append(Character.isSurrogate(c) ? '\ufffd' : c); // invalid UTF-8 in Go
        }
        continue;
      }
      if (i >= end) {
        throw new InvalidKeyException("unexpected end of JSON input");
      }
      char e = s.charAt(i++);
      switch (e) {
        case '"', '\\', '/' -> out.append(e);
        case 'b' -> out.append('\b');
        case 'f' -> out.append('\f');
        case 'n' -> out.append('\n');
        case 'r' -> out.append('\r');
        case 't' -> out.append('\t');
        case 'u' -> {
          char u = hex4(s, i, end);
          i += 4;
          if (Character.isHighSurrogate(u) && i + 6 <= end && s.charAt(i) == '\\' && s.charAt(i + 1) == 'u') {
            char lo = hex4(s, i + 2, end);
            if (Character.isLowSurrogate(lo)) {
              out.append(u).append(lo);
              i += 6;
              break;
            }
          }
          out.append(Character.isSurrogate(u) ? '\ufffd' : u);
        }
        default -> throw new InvalidKeyException("invalid character '" + e + "' in string escape code");
      }
    }
  }

  private static char hex4(String s, int i, int end) throws InvalidKeyException {
    if (i + 4 > end) {
      throw new InvalidKeyException("unexpected end of JSON input");
    }
    int v = 0;
    for (int k = i; k < i + 4; k++) {
      char c = s.charAt(k);
      int d = c < 0x80 ? Character.digit(c, 16) : -1; // ASCII hex digits only, as in Go
      if (d < 0) {
        throw new InvalidKeyException("invalid character '" + s.charAt(k) + "' in \\u hexadecimal character escape");
      }
      v = v * 16 + d;
    }
    return (char) v;
  }

  private static boolean isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
  }

  private static int skipSpace(String s, int i) {
    while (i < s.length() && isSpace(s.charAt(i))) {
      i++;
    }
    return i;
  }
}
