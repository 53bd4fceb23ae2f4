package org.jds.node.multiformats;

import java.nio.ByteBuffer;

/**
 * A content identifier, version 0 or 1 (go-cid's rules).
 *
 * <ul>
 *   <li>v0: the bare 34-byte sha2-256 multihash; codec dag-pb implied; string form base58btc with no
 *       multibase prefix, 46 characters starting {@code Qm}.
 *   <li>v1: {@code varint(1) | varint(codec) | multihash}; string form a multibase string, by
 *       default base32 lower case ({@code bafy...}).
 * </ul>
 *
 * Equality is by the binary form, i.e. version, codec and multihash (a v0 and its v1 are different CIDs, as in Go; use
 * {@link #multihash()} for storage keys). Parsing rejects trailing bytes, other versions and bad
 * multihashes with a {@link MultiformatException}. Immutable and thread-safe.
 */
public final class Cid extends Encoded {
  /** The length of a v0 CID string. */
  public static final int V0_STRING_LENGTH = 46;
  /** A v0 CID's bytes: sha2-256 (0x12), 32 bytes (0x20). */
  private static final int V0_LENGTH = 34;

  private final int version;
  private final long codec;
  private final Multihash multihash;

  private Cid(int version, long codec, Multihash multihash) {
    super(encode(version, codec, multihash));
    this.version = version;
    this.codec = codec;
    this.multihash = multihash;
  }

  private static byte[] encode(int version, long codec, Multihash multihash) {
    if (version == 0) return multihash.toBytes();
    byte[] b = new byte[1 + Varint.size(codec) + multihash.size()];
    int at = Varint.write(1, b, 0);
    at += Varint.write(codec, b, at);
    multihash.writeTo(b, at);
    return b;
  }

  /** A v1 CID. */
  public static Cid v1(long codec, Multihash multihash) throws MultiformatException {
    if (codec < 0) throw new MultiformatException("cid: negative codec");
    return new Cid(1, codec, multihash);
  }

  /** A v1 CID with a codec from the table. */
  public static Cid v1(Multicodec codec, Multihash multihash) {
    return new Cid(1, codec.code(), multihash);
  }

  /** A v0 CID; the multihash must be sha2-256 with a 32-byte digest. */
  public static Cid v0(Multihash multihash) throws MultiformatException {
    if (!isV0Hash(multihash)) {
      throw new MultiformatException("cid: a CIDv0 needs a sha2-256 multihash of 32 bytes, not " + describeHash(multihash));
    }
    return new Cid(0, Multicodec.DAG_PB.code(), multihash);
  }

  /**
   * Parses a CID string: 46 characters starting {@code Qm} are a v0; anything else is a multibase
   * string whose bytes are parsed by {@link #decode(byte[])}.
   */
  public static Cid parse(String text) throws MultiformatException {
    if (text.length() < 2) throw new MultiformatException("invalid cid '" + text + "': too short");
    try {
      if (text.length() == V0_STRING_LENGTH && text.startsWith("Qm")) {
        return decode(Multibase.BASE58_BTC.decodeRaw(text));
      }
      return decode(Multibase.decode(text));
    } catch (MultiformatException e) {
      throw new MultiformatException("invalid cid '" + abbreviate(text) + "': " + e.getMessage(), e);
    }
  }

  /** Decodes binary CID bytes, which must hold exactly one CID. */
  public static Cid decode(byte[] bytes) throws MultiformatException {
    return whole(bytes, Cid::read, "cid");
  }

  /**
   * Reads one binary CID at the buffer's position and advances past it: {@code 0x12 0x20} starts a
   * v0 (34 bytes), anything else must be a v1.
   */
  public static Cid read(ByteBuffer in) throws MultiformatException {
    int p = in.position();
    if (in.remaining() >= 2 && in.get(p) == 0x12 && in.get(p + 1) == 0x20) {
      if (in.remaining() < V0_LENGTH) throw new MultiformatException("cid: truncated CIDv0 (" + in.remaining() + " bytes)");
      return new Cid(0, Multicodec.DAG_PB.code(), Multihash.read(in));
    }
    long version = Varint.read(in);
    if (version != 1) throw new MultiformatException("cid: unsupported version " + version + " (expected 1)");
    long codec = Varint.read(in);
    return new Cid(1, codec, Multihash.read(in));
  }

  public int version() {
    return version;
  }

  /** The content codec: dag-pb (0x70) for a v0. */
  public long codec() {
    return codec;
  }

  public Multihash multihash() {
    return multihash;
  }

  /** The same content and codec as a v1 (itself if already v1). */
  public Cid toV1() {
    return version == 1 ? this : new Cid(1, codec, multihash);
  }

  /** The v0 form; only a dag-pb CID over a 32-byte sha2-256 has one. */
  public Cid toV0() throws MultiformatException {
    if (version == 0) return this;
    if (codec != Multicodec.DAG_PB.code()) {
      throw new MultiformatException("cid: only dag-pb CIDs have a v0 form, not " + Multicodec.describeCodec(codec));
    }
    return v0(multihash);
  }

  /** The canonical string: base58btc for v0, base32 lower case for v1. */
  @Override
  public String toString() {
    return version == 0 ? Multibase.BASE58_BTC.encodeRaw(bytes) : Multibase.BASE32.encode(bytes);
  }

  /**
   * The string in another multibase. A v0 has only its base58btc form.
   *
   * @throws MultiformatException a v0 with a base other than base58btc
   */
  public String toString(Multibase base) throws MultiformatException {
    if (version == 0) {
      if (base != Multibase.BASE58_BTC) throw new MultiformatException("cid: a CIDv0 can only be written in base58btc");
      return toString();
    }
    return base.encode(bytes);
  }

  private static boolean isV0Hash(Multihash mh) {
    return mh.code() == Multicodec.SHA2_256.code() && mh.digestLength() == 32;
  }

  private static String describeHash(Multihash mh) {
    return Multicodec.describeHash(mh.code()) + " of " + mh.digestLength() + " bytes";
  }

  private static String abbreviate(String s) {
    return s.length() <= 100 ? s : s.substring(0, 100) + "...";
  }
}
