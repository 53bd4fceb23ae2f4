package org.jds.node.multiformats;

/**
 * RFC 4648 bit-group encodings (base16, base32, base64 and base64url) without padding. Decoding is
 * strict: a length no encoder produces, a padding character, or non-zero bits left over in the last
 * character are errors, so every accepted string is the canonical encoding of its bytes (up to case,
 * where {@code caseInsensitive}, as the multibase tests require of base16 and base32).
 */
final class Rfc4648 implements BaseCodec {
  private final String name;
  private final char[] alphabet;
  private final int bits;
  private final byte[] values;

  Rfc4648(String name, String alphabet, boolean caseInsensitive) {
    this.name = name;
    this.alphabet = alphabet.toCharArray();
    this.bits = Integer.numberOfTrailingZeros(alphabet.length());
    this.values = BaseCodec.digitTable(this.alphabet, caseInsensitive);
  }

  @Override
  public String encode(byte[] data) {
    StringBuilder sb = new StringBuilder((data.length * 8 + bits - 1) / bits);
    int buffer = 0;
    int have = 0;
    int mask = (1 << bits) - 1;
    for (byte b : data) {
      buffer = (buffer << 8) | (b & 0xFF);
      have += 8;
      while (have >= bits) {
        have -= bits;
        sb.append(alphabet[(buffer >>> have) & mask]);
      }
    }
    if (have > 0) sb.append(alphabet[(buffer << (bits - have)) & mask]);
    return sb.toString();
  }

  @Override
  public byte[] decode(String text) throws MultiformatException {
    long totalBits = (long) text.length() * bits;
    int n = (int) (totalBits / 8);
    if (totalBits - 8L * n >= bits) {
      throw new MultiformatException(name + ": invalid length " + text.length());
    }
    byte[] out = new byte[n];
    int buffer = 0;
    int have = 0;
    int o = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      int v = BaseCodec.digit(values, c, name, i);
      buffer = (buffer << bits) | v;
      have += bits;
      if (have >= 8) {
        have -= 8;
        out[o++] = (byte) (buffer >>> have);
      }
    }
    if ((buffer & ((1 << have) - 1)) != 0) {
      throw new MultiformatException(name + ": non-zero trailing bits (not a canonical encoding)");
    }
    return out;
  }

}
