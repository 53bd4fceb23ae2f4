package org.jds.flatfs;

/** RFC 4648 base32 (Go's base32.StdEncoding), for building test keys like Go's tests do. */
public final class Base32 {
  private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

  private Base32() {}

  public static String encodeNoPad(byte[] data) {
    StringBuilder sb = new StringBuilder();
    int buffer = 0;
    int bits = 0;
    for (byte b : data) {
      buffer = (buffer << 8) | (b & 0xff);
      bits += 8;
      while (bits >= 5) {
        sb.append(ALPHABET.charAt((buffer >> (bits - 5)) & 31));
        bits -= 5;
      }
    }
    if (bits > 0) {
      sb.append(ALPHABET.charAt((buffer << (5 - bits)) & 31));
    }
    return sb.toString();
  }

  /** With {@code =} padding to a multiple of 8 characters. */
  public static String encode(byte[] data) {
    StringBuilder sb = new StringBuilder(encodeNoPad(data));
    while (sb.length() % 8 != 0) {
      sb.append('=');
    }
    return sb.toString();
  }
}
