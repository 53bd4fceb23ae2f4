package org.jds.node.multiformats;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Optional;

/**
 * A multihash: {@code varint(hash code) | varint(digest length) | digest}. Decoding checks that the
 * declared length matches the bytes present and, for a hash function of known size, that the digest
 * is not longer than the function produces (a shorter one is a truncated digest, which multihash
 * allows). Immutable and thread-safe.
 */
public final class Multihash extends Encoded {
  private final long code;
  private final byte[] digest;

  private Multihash(long code, byte[] digest) {
    super(encode(code, digest));
    this.code = code;
    this.digest = digest;
  }

  private static byte[] encode(long code, byte[] digest) {
    byte[] b = new byte[Varint.size(code) + Varint.size(digest.length) + digest.length];
    int at = Varint.write(code, b, 0);
    at += Varint.write(digest.length, b, at);
    System.arraycopy(digest, 0, b, at, digest.length);
    return b;
  }

  /** A multihash from a code and a digest, with the length check. */
  public static Multihash of(long code, byte[] digest) throws MultiformatException {
    if (code < 0) throw new MultiformatException("multihash: negative code");
    checkLength(code, digest.length);
    return new Multihash(code, digest.clone());
  }

  /** Hashes {@code data} with the function {@code code}, full length. */
  public static Multihash sum(long code, byte[] data) throws MultiformatException {
    return sum(code, data, -1);
  }

  /**
   * Hashes {@code data} with the function {@code code}, the digest truncated to {@code length} bytes
   * ({@code -1}: full length; kubo's {@code --mhlen}). For identity the length must be -1 or the data's.
   *
   * @throws MultiformatException no implementation of the function here, or a bad length
   */
  public static Multihash sum(long code, byte[] data, int length) throws MultiformatException {
    byte[] full = Hashing.digest(code, data);
    if (length == -1 || length == full.length) return new Multihash(code, full);
    if (length < 0 || length > full.length) {
      throw new MultiformatException("multihash: requested length " + length + " of " + Multicodec.describeHash(code)
          + " outside 0.." + full.length);
    }
    if (code == Multicodec.IDENTITY.code()) throw new MultiformatException("multihash: identity length must equal the data's");
    return new Multihash(code, Arrays.copyOf(full, length));
  }

  /** Decodes {@code bytes}, which must hold exactly one multihash. */
  public static Multihash decode(byte[] bytes) throws MultiformatException {
    return whole(bytes, Multihash::read, "multihash");
  }

  /** Reads one multihash at the buffer's position and advances past it. */
  public static Multihash read(ByteBuffer in) throws MultiformatException {
    long code = Varint.read(in);
    long length = Varint.read(in);
    if (length > in.remaining()) {
      throw new MultiformatException("multihash: digest length " + length + " but only " + in.remaining() + " bytes follow");
    }
    checkLength(code, length);
    byte[] d = new byte[(int) length];
    in.get(d);
    return new Multihash(code, d);
  }

  private static void checkLength(long code, long length) throws MultiformatException {
    Optional<Multicodec> f = Multicodec.hashFunction(code);
    if (f.isPresent() && f.get().digestSize() > 0 && length > f.get().digestSize()) {
      throw new MultiformatException("multihash: " + f.get().name() + " digest of " + length + " bytes, longer than "
          + f.get().digestSize());
    }
  }

  /** The hash function's code, e.g. 0x12 for sha2-256. */
  public long code() {
    return code;
  }

  /** A copy of the digest. */
  public byte[] digest() {
    return digest.clone();
  }

  public int digestLength() {
    return digest.length;
  }

  /** True if this is the identity "hash" (the data inline). */
  public boolean isIdentity() {
    return code == Multicodec.IDENTITY.code();
  }

  /**
   * Whether {@code data} hashes to this multihash (same function, same digest length).
   *
   * @throws MultiformatException the function is not implemented here, so the data cannot be checked
   */
  public boolean matches(byte[] data) throws MultiformatException {
    byte[] full = Hashing.digest(code, data);
    if (isIdentity()) return Arrays.equals(full, digest);
    return full.length >= digest.length && Arrays.equals(full, 0, digest.length, digest, 0, digest.length);
  }

  /** The base58btc form, as go-multihash prints it (e.g. {@code Qm...} for sha2-256). */
  @Override
  public String toString() {
    return Multibase.BASE58_BTC.encodeRaw(bytes);
  }

  /** The digest functions this node computes. */
  static final class Hashing {
    private Hashing() {}

    static byte[] digest(long code, byte[] data) throws MultiformatException {
      if (code == Multicodec.IDENTITY.code()) return data.clone();
      if (code == Multicodec.DBL_SHA2_256.code()) {
        MessageDigest d = jdk("SHA-256");
        return d.digest(d.digest(data));
      }
      return digester(code).digest(data);
    }

    /** A fresh MessageDigest for {@code code} (not identity or dbl-sha2-256). */
    static MessageDigest digester(long code) throws MultiformatException {
      if (code >= Multicodec.BLAKE2B_MIN && code <= Multicodec.BLAKE2B_MAX) return new Blake2b((int) (code - 0xb200));
      String jdk = jdkName(code);
      if (jdk == null) {
        throw new MultiformatException("multihash: hash function " + Multicodec.describeHash(code) + " is not supported here"
            + " (supported: identity, sha1, sha2-224/256/384/512, sha2-512-224/256, dbl-sha2-256, sha3-224/256/384/512,"
            + " blake2b-8..512)");
      }
      return jdk(jdk);
    }

    private static String jdkName(long code) {
      return switch ((int) Math.min(code, Integer.MAX_VALUE)) {
        case 0x11 -> "SHA-1";
        case 0x12 -> "SHA-256";
        case 0x13 -> "SHA-512";
        case 0x14 -> "SHA3-512";
        case 0x15 -> "SHA3-384";
        case 0x16 -> "SHA3-256";
        case 0x17 -> "SHA3-224";
        case 0x20 -> "SHA-384";
        case 0x1013 -> "SHA-224";
        case 0x1014 -> "SHA-512/224";
        case 0x1015 -> "SHA-512/256";
        default -> null;
      };
    }

    private static MessageDigest jdk(String name) {
      try {
        return MessageDigest.getInstance(name);
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException("the JDK lacks " + name, e); // every Java 17 runtime has these
      }
    }
  }
}
