package org.jds.node.multiformats;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The multibase encodings this node reads and writes: a one-character prefix followed by the
 * encoded bytes. Names and prefixes are the multibase table's (kubo's {@code --cid-base} names).
 * base16, base32 and base36 decode case-insensitively, as the multibase test vectors require; base32
 * and base64 are unpadded; decoding is otherwise strict (see {@link Rfc4648}). Thread-safe.
 */
public enum Multibase {
  BASE16('f', "base16", new Rfc4648("base16", "0123456789abcdef", true)),
  BASE16_UPPER('F', "base16upper", new Rfc4648("base16upper", "0123456789ABCDEF", true)),
  BASE32('b', "base32", new Rfc4648("base32", "abcdefghijklmnopqrstuvwxyz234567", true)),
  BASE32_UPPER('B', "base32upper", new Rfc4648("base32upper", "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", true)),
  BASE36('k', "base36", new BaseN("base36", "0123456789abcdefghijklmnopqrstuvwxyz", true)),
  BASE36_UPPER('K', "base36upper", new BaseN("base36upper", "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ", true)),
  BASE58_BTC('z', "base58btc", new BaseN("base58btc", "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz", false)),
  BASE64('m', "base64", new Rfc4648("base64", "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/", false)),
  BASE64_URL('u', "base64url", new Rfc4648("base64url", "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_", false));

  private final char prefix;
  private final String multibaseName;
  private final BaseCodec codec;

  Multibase(char prefix, String multibaseName, BaseCodec codec) {
    this.prefix = prefix;
    this.multibaseName = multibaseName;
    this.codec = codec;
  }

  /** The multibase prefix character, e.g. {@code 'b'} for base32. */
  public char prefix() {
    return prefix;
  }

  /** The multibase table's name, e.g. {@code "base32"}. */
  public String multibaseName() {
    return multibaseName;
  }

  /** Prefix plus encoding. */
  public String encode(byte[] data) {
    return prefix + codec.encode(data);
  }

  /** The encoding alone, without the prefix (e.g. flatfs keys: base32 upper without {@code 'B'}). */
  public String encodeRaw(byte[] data) {
    return codec.encode(data);
  }

  /** Decodes a string in this encoding that has no prefix. */
  public byte[] decodeRaw(String text) throws MultiformatException {
    return codec.decode(text);
  }

  /** Decodes a prefixed multibase string, whatever its (supported) encoding. */
  public static byte[] decode(String text) throws MultiformatException {
    return of(text).decodeRaw(text.substring(1));
  }

  /** The encoding named by a prefixed string's first character. */
  public static Multibase of(String text) throws MultiformatException {
    if (text.isEmpty()) throw new MultiformatException("multibase: empty string");
    return forPrefix(text.charAt(0));
  }

  /** The encoding with this prefix character. */
  public static Multibase forPrefix(char prefix) throws MultiformatException {
    for (Multibase b : values()) {
      if (b.prefix == prefix) return b;
    }
    throw new MultiformatException("multibase: unsupported encoding prefix " + BaseCodec.describe(prefix)
        + " (known: " + Arrays.stream(values()).map(b -> b.prefix + " " + b.multibaseName).collect(Collectors.joining(", ")) + ")");
  }

  /** The encoding with this multibase name (case-sensitive, as in Go), e.g. {@code "base58btc"}. */
  public static Multibase forName(String name) throws MultiformatException {
    for (Multibase b : values()) {
      if (b.multibaseName.equals(name)) return b;
    }
    throw new MultiformatException("multibase: unknown encoding name '" + name + "' (known: "
        + Arrays.stream(values()).map(Multibase::multibaseName).collect(Collectors.joining(", ")) + ")");
  }

  @Override
  public String toString() {
    return multibaseName;
  }
}
