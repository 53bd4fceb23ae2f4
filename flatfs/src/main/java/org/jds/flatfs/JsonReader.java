package org.jds.flatfs;

/** A minimal strict JSON reader: enough to decode and skip the values of {@code diskUsage.cache}. */
final class JsonReader {
  /** A number kept as its literal text. */
  record Number(String text) {}

  private final String s;
  private int i;

  JsonReader(String s) {
    this.s = s;
  }

  void skipWs() {
    while (i < s.length() && " \t\r\n".indexOf(s.charAt(i)) >= 0) {
      i++;
    }
  }

  void expect(char c) {
    if (!tryConsume(c)) {
      throw new IllegalArgumentException("expected '" + c + "' at " + i);
    }
  }

  boolean tryConsume(char c) {
    if (i < s.length() && s.charAt(i) == c) {
      i++;
      return true;
    }
    return false;
  }

  void expectEnd() {
    if (i != s.length()) {
      throw new IllegalArgumentException("trailing data at " + i);
    }
  }

  /** A string, number, boolean, null (Java null), or a skipped object/array (returned as a marker). */
  Object readValue() {
    skipWs();
    if (i >= s.length()) {
      throw new IllegalArgumentException("unexpected end of JSON input");
    }
    char c = s.charAt(i);
    if (c == '"') {
      return readString();
    }
    if (c == '{' || c == '[') {
      skipContainer();
      return Boolean.FALSE;
    }
    if (s.startsWith("true", i)) {
      i += 4;
      return Boolean.TRUE;
    }
    if (s.startsWith("false", i)) {
      i += 5;
      return Boolean.FALSE;
    }
    if (s.startsWith("null", i)) {
      i += 4;
      return null;
    }
    int start = i;
    while (i < s.length() && "+-0123456789.eE".indexOf(s.charAt(i)) >= 0) {
      i++;
    }
    String num = s.substring(start, i);
    if (!num.matches("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?")) {
      throw new IllegalArgumentException("invalid number at " + start);
    }
    return new Number(num);
  }

  private void skipContainer() {
    char open = s.charAt(i++);
    char close = open == '{' ? '}' : ']';
    skipWs();
    if (tryConsume(close)) {
      return;
    }
    do {
      skipWs();
      if (open == '{') {
        readString();
        skipWs();
        expect(':');
      }
      readValue();
      skipWs();
    } while (tryConsume(','));
    expect(close);
  }

  String readString() {
    expect('"');
    StringBuilder sb = new StringBuilder();
    while (true) {
      if (i >= s.length()) {
        throw new IllegalArgumentException("unterminated string");
      }
      char c = s.charAt(i++);
      if (c == '"') {
        return sb.toString();
      }
      if (c < 0x20) {
        throw new IllegalArgumentException("control character in string");
      }
      if (c != '\\') {
        sb.append(c);
        continue;
      }
      if (i >= s.length()) {
        throw new IllegalArgumentException("unterminated escape");
      }
      char e = s.charAt(i++);
      switch (e) {
        case '"', '\\', '/' -> sb.append(e);
        case 'b' -> sb.append('\b');
        case 'f' -> sb.append('\f');
        case 'n' -> sb.append('\n');
        case 'r' -> sb.append('\r');
        case 't' -> sb.append('\t');
        case 'u' -> {
          if (i + 4 > s.length()) {
            throw new IllegalArgumentException("short unicode escape");
          }
          sb.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
          i += 4;
        }
        default -> throw new IllegalArgumentException("bad escape \\" + e);
      }
    }
  }
}
