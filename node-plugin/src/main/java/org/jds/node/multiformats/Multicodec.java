package org.jds.node.multiformats;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The part of the multicodec table (multiformats/multicodec {@code table.csv}) this node knows: the
 * content codecs kubo accepts for {@code --cid-codec} and the hash functions it knows by name for
 * {@code --mhtype} (go-multihash {@code Names}, including the alias {@code sha3} = sha3-512). A CID
 * may carry a codec outside this table; only names need the table. Immutable and thread-safe.
 *
 * @param name the table's name, e.g. {@code "dag-pb"}
 * @param code the table's code, e.g. {@code 0x70}
 * @param tag {@link Tag#IPLD} for content codecs, {@link Tag#MULTIHASH} for hash functions
 * @param digestSize a hash function's natural digest length in bytes; 0 if variable or not a hash
 */
public record Multicodec(String name, long code, Tag tag, int digestSize) {
  /** The table's tag column, reduced to what this node needs. */
  public enum Tag { IPLD, MULTIHASH }

  private static final Map<Long, Multicodec> BY_CODE_IPLD = new HashMap<>();
  private static final Map<Long, Multicodec> BY_CODE_HASH = new HashMap<>();
  private static final Map<String, Multicodec> BY_NAME = new LinkedHashMap<>();

  public static final Multicodec IDENTITY = hash("identity", 0x00, 0);
  public static final Multicodec SHA1 = hash("sha1", 0x11, 20);
  public static final Multicodec SHA2_256 = hash("sha2-256", 0x12, 32);
  public static final Multicodec SHA2_512 = hash("sha2-512", 0x13, 64);
  public static final Multicodec SHA3_512 = hash("sha3-512", 0x14, 64);
  public static final Multicodec SHA3_384 = hash("sha3-384", 0x15, 48);
  public static final Multicodec SHA3_256 = hash("sha3-256", 0x16, 32);
  public static final Multicodec SHA3_224 = hash("sha3-224", 0x17, 28);
  public static final Multicodec SHAKE_128 = hash("shake-128", 0x18, 32);
  public static final Multicodec SHAKE_256 = hash("shake-256", 0x19, 64);
  public static final Multicodec KECCAK_224 = hash("keccak-224", 0x1a, 28);
  public static final Multicodec KECCAK_256 = hash("keccak-256", 0x1b, 32);
  public static final Multicodec KECCAK_384 = hash("keccak-384", 0x1c, 48);
  public static final Multicodec KECCAK_512 = hash("keccak-512", 0x1d, 64);
  public static final Multicodec BLAKE3 = hash("blake3", 0x1e, 32);
  public static final Multicodec SHA2_384 = hash("sha2-384", 0x20, 48);
  public static final Multicodec DBL_SHA2_256 = hash("dbl-sha2-256", 0x56, 32);
  public static final Multicodec MD5 = hash("md5", 0xd5, 16);
  public static final Multicodec SHA2_224 = hash("sha2-224", 0x1013, 28);
  public static final Multicodec SHA2_512_224 = hash("sha2-512-224", 0x1014, 28);
  public static final Multicodec SHA2_512_256 = hash("sha2-512-256", 0x1015, 32);
  /** blake2b-8 ... blake2b-512: codes 0xb201 ... 0xb240, digest = (code - 0xb200) bytes. */
  public static final long BLAKE2B_MIN = 0xb201;
  public static final long BLAKE2B_MAX = 0xb240;
  /** blake2s-8 ... blake2s-256: codes 0xb241 ... 0xb260 (named, not computed here). */
  public static final long BLAKE2S_MIN = 0xb241;
  public static final long BLAKE2S_MAX = 0xb260;

  static {
    for (long c = BLAKE2B_MIN; c <= BLAKE2B_MAX; c++) hash("blake2b-" + (c - 0xb200) * 8, c, (int) (c - 0xb200));
    for (long c = BLAKE2S_MIN; c <= BLAKE2S_MAX; c++) hash("blake2s-" + (c - 0xb240) * 8, c, (int) (c - 0xb240));
  }

  public static final Multicodec BLAKE2B_256 = BY_CODE_HASH.get(0xb220L);
  public static final Multicodec CBOR = ipld("cbor", 0x51);
  public static final Multicodec RAW = ipld("raw", 0x55);
  public static final Multicodec DAG_PB = ipld("dag-pb", 0x70);
  public static final Multicodec DAG_CBOR = ipld("dag-cbor", 0x71);
  public static final Multicodec LIBP2P_KEY = ipld("libp2p-key", 0x72);
  public static final Multicodec GIT_RAW = ipld("git-raw", 0x78);
  public static final Multicodec DAG_JOSE = ipld("dag-jose", 0x85);
  public static final Multicodec DAG_COSE = ipld("dag-cose", 0x86);
  public static final Multicodec DAG_JSON = ipld("dag-json", 0x0129);
  public static final Multicodec JSON = ipld("json", 0x0200);

  static {
    // go-multihash's Names: "sha3" is sha3-512's old name.
    BY_NAME.put("sha3", SHA3_512);
  }

  private static Multicodec hash(String name, long code, int size) {
    Multicodec m = new Multicodec(name, code, Tag.MULTIHASH, size);
    BY_CODE_HASH.put(code, m);
    BY_NAME.put(name, m);
    return m;
  }

  private static Multicodec ipld(String name, long code) {
    Multicodec m = new Multicodec(name, code, Tag.IPLD, 0);
    BY_CODE_IPLD.put(code, m);
    BY_NAME.put(name, m);
    return m;
  }

  /** The content codec with this code (the identity code 0x00 is a hash function only). */
  public static Optional<Multicodec> codec(long code) {
    return Optional.ofNullable(BY_CODE_IPLD.get(code));
  }

  /** The hash function with this code. */
  public static Optional<Multicodec> hashFunction(long code) {
    return Optional.ofNullable(BY_CODE_HASH.get(code));
  }

  /** A content codec by name, e.g. {@code --cid-codec dag-pb}; the error lists the known names. */
  public static Multicodec codecNamed(String name) throws MultiformatException {
    return named(name, Tag.IPLD);
  }

  /** A hash function by name, e.g. {@code --mhtype sha2-256}; the error lists the known names. */
  public static Multicodec hashNamed(String name) throws MultiformatException {
    return named(name, Tag.MULTIHASH);
  }

  private static Multicodec named(String name, Tag tag) throws MultiformatException {
    Multicodec m = BY_NAME.get(name);
    if (m != null && m.tag == tag) return m;
    List<String> known = new ArrayList<>();
    BY_NAME.forEach((n, c) -> {
      if (c.tag == tag) known.add(n);
    });
    throw new MultiformatException("unknown " + (tag == Tag.IPLD ? "codec" : "multihash function") + " name '"
        + name + "' (known: " + String.join(", ", known) + ")");
  }

  /** A readable name for a code: the table's name, else hex. */
  public static String describeCodec(long code) {
    Multicodec m = BY_CODE_IPLD.get(code);
    return m != null ? m.name : "0x" + Long.toHexString(code);
  }

  /** A readable name for a hash code: the table's name, else hex. */
  public static String describeHash(long code) {
    Multicodec m = BY_CODE_HASH.get(code);
    return m != null ? m.name : "0x" + Long.toHexString(code);
  }

  /** Every known name (both tags), in table order, for help texts. */
  public static Map<String, Multicodec> names() {
    return Collections.unmodifiableMap(BY_NAME);
  }

  @Override
  public String toString() {
    return name + " (0x" + Long.toHexString(code) + ")";
  }
}
