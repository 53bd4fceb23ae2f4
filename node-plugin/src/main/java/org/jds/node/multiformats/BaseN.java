package org.jds.node.multiformats;

/**
 * Big-number encodings (base58btc, base36): the bytes read as one big-endian number written in the
 * alphabet's digits, each leading zero byte written as the alphabet's first character. Every string
 * of valid characters decodes, and re-encodes to itself (up to case where {@code caseInsensitive}).
 * Quadratic in the length, which is fine for CIDs and keys.
 */
final class BaseN implements BaseCodec {
  private final String name;
  private final char[] alphabet;
  private final int base;
  private final byte[] values;

  BaseN(String name, String alphabet, boolean caseInsensitive) {
    this.name = name;
    this.alphabet = alphabet.toCharArray();
    this.base = alphabet.length();
    this.values = BaseCodec.digitTable(this.alphabet, caseInsensitive);
  }

  @Override
  public String encode(byte[] data) {
    int zeros = 0;
    while (zeros < data.length && data[zeros] == 0) zeros++;
    // digits, least significant first; log(256)/log(36) < 1.55
    byte[] digits = new byte[(data.length - zeros) * 2 + 1];
    int len = 0;
    for (int i = zeros; i < data.length; i++) {
      int carry = data[i] & 0xFF;
      for (int j = 0; j < len; j++) {
        carry += (digits[j] & 0xFF) << 8;
        digits[j] = (byte) (carry % base);
        carry /= base;
      }
      while (carry > 0) {
        digits[len++] = (byte) (carry % base);
        carry /= base;
      }
    }
    StringBuilder sb = new StringBuilder(zeros + len);
    for (int i = 0; i < zeros; i++) sb.append(alphabet[0]);
    for (int i = len - 1; i >= 0; i--) sb.append(alphabet[digits[i]]);
    return sb.toString();
  }

  @Override
  public byte[] decode(String text) throws MultiformatException {
    int zeros = 0;
    byte[] bytes = new byte[text.length()]; // little-endian; a digit is less than a byte
    int len = 0;
    boolean leading = true;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      int v = BaseCodec.digit(values, c, name, i);
      if (leading && v == 0) {
        zeros++;
        continue;
      }
      leading = false;
      int carry = v;
      for (int j = 0; j < len; j++) {
        carry += (bytes[j] & 0xFF) * base;
        bytes[j] = (byte) carry;
        carry >>>= 8;
      }
      while (carry > 0) {
        bytes[len++] = (byte) carry;
        carry >>>= 8;
      }
    }
    byte[] out = new byte[zeros + len];
    for (int i = 0; i < len; i++) out[zeros + i] = bytes[len - 1 - i];
    return out;
  }
}
