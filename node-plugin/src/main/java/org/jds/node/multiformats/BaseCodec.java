package org.jds.node.multiformats;

import java.util.Arrays;

/** One base encoding without its multibase prefix. Implementations are immutable. */
interface BaseCodec {
  String encode(byte[] data);

  byte[] decode(String text) throws MultiformatException;

  /** Character to digit value for ASCII (-1: not in the alphabet), both cases if {@code caseInsensitive}. */
  static byte[] digitTable(char[] alphabet, boolean caseInsensitive) {
    byte[] values = new byte[128];
    Arrays.fill(values, (byte) -1);
    for (int i = 0; i < alphabet.length; i++) {
      char c = alphabet[i];
      values[c] = (byte) i;
      if (caseInsensitive) {
        values[Character.toLowerCase(c)] = (byte) i;
        values[Character.toUpperCase(c)] = (byte) i;
      }
    }
    return values;
  }

  /** The digit value of {@code c} in {@code table}, or a clear error naming the codec and position. */
  static int digit(byte[] table, char c, String codec, int at) throws MultiformatException {
    int v = c < 128 ? table[c] : -1;
    if (v < 0) throw new MultiformatException(codec + ": invalid character " + describe(c) + " at " + at);
    return v;
  }

  static String describe(char c) {
    return c >= 0x20 && c < 0x7F ? "'" + c + "'" : String.format("U+%04X", (int) c);
  }
}
