package org.jds.flatfs;

import org.jds.datastore.GoJson;
import org.jds.datastore.InvalidKeyException;

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

  /** A string literal at the cursor, decoded by Go's rules ({@link GoJson#readString}). */
  String readString() {
    StringBuilder sb = new StringBuilder();
    try {
      i = GoJson.readString(s, i, sb);
    } catch (InvalidKeyException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
    return sb.toString();
  }
}
