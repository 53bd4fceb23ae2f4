package org.jds.datastore.query;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Expected strings are Go's strconv.Quote output. */
class GoQuoteTest {
  private static String q(int... bytes) {
    byte[] b = new byte[bytes.length];
    for (int i = 0; i < bytes.length; i++) {
      b[i] = (byte) bytes[i];
    }
    return GoQuote.quote(b);
  }

  @Test
  void ascii() {
    assertEquals("\"abc\"", GoQuote.quote("abc"));
    assertEquals("\"\"", GoQuote.quote(""));
    assertEquals("\"a\\\"b\\\\c\"", GoQuote.quote("a\"b\\c"));
    assertEquals("\"\\a\\b\\f\\n\\r\\t\\v\"", GoQuote.quote("\u0007\b\f\n\r\t\u000b"));
    assertEquals("\"\\x00\\x1f\\x7f\"", GoQuote.quote("\u0000\u001f\u007f"));
    assertEquals("\" ~\"", GoQuote.quote(" ~"));
  }

  @Test
  void unicode() {
    assertEquals("\"\u00fcn\u00efc\u00f6d\u00e9\"", GoQuote.quote("\u00fcn\u00efc\u00f6d\u00e9"));
    assertEquals("\"\uD83D\uDE00\"", GoQuote.quote("\uD83D\uDE00"), "emoji are printable");
    assertEquals("\"\\u00a0\"", GoQuote.quote("\u00a0"), "no-break space is not printable in Go");
    assertEquals("\"\\u200b\"", GoQuote.quote("\u200b"), "format character");
    assertEquals("\"\\ue000\"", GoQuote.quote("\ue000"), "private use");
    assertEquals("\"\\u2028\"", GoQuote.quote("\u2028"), "line separator");
    assertEquals("\"\\U0010ffff\"", GoQuote.quote(new String(Character.toChars(0x10ffff))));
    assertEquals("\"\\u0085\"", GoQuote.quote("\u0085"), "C1 control");
  }

  @Test
  void invalidUtf8() {
    assertEquals("\"\\xff\"", q(0xff));
    assertEquals("\"\\xc0\\x80\"", q(0xc0, 0x80), "overlong");
    assertEquals("\"\\xed\\xa0\\x80\"", q(0xed, 0xa0, 0x80), "encoded surrogate");
    assertEquals("\"\\xe2\\x82\"", q(0xe2, 0x82), "truncated");
    assertEquals("\"a\\x80b\"", q('a', 0x80, 'b'));
    assertEquals("\"\\xf4\\x90\\x80\\x80\"", q(0xf4, 0x90, 0x80, 0x80), "above U+10FFFF");
    assertEquals("\"\u20ac\"", q(0xe2, 0x82, 0xac));
    assertEquals("\"\ufffd\"", q(0xef, 0xbf, 0xbd), "a valid U+FFFD is printed as is");
  }
}
