package org.jds.node.blockstore;

import org.jds.datastore.Key;
import org.jds.node.multiformats.Multibase;
import org.jds.node.multiformats.MultiformatException;
import org.jds.node.multiformats.Multihash;

/**
 * Block keys as kubo writes them (boxo {@code dshelp.MultihashToDsKey}, node.md §2.5): {@code /} +
 * RFC 4648 base32, upper case, unpadded, of the multihash bytes, e.g. {@code /CIQ...} for sha2-256.
 * The codec is not part of the key. The blockstore adds its {@code /blocks} namespace on top.
 */
public final class DsKeys {
  private DsKeys() {}

  /** The key of a multihash, without namespace: {@code /CIQ...}. */
  public static Key fromMultihash(Multihash mh) {
    return Key.of("/" + name(mh));
  }

  /** The key's last component alone: {@code CIQ...} (a flatfs file name without {@code .data}). */
  public static String name(Multihash mh) {
    return Multibase.BASE32_UPPER.encodeRaw(mh.toBytes());
  }

  /**
   * The multihash a key name encodes ({@code CIQ...}, no slash). Only the canonical form is accepted:
   * upper case, unpadded, zero trailing bits, a valid multihash; Go's decoder rejects lower case too.
   *
   * @throws MultiformatException the name is not a block key
   */
  public static Multihash toMultihash(String name) throws MultiformatException {
    Multihash mh = Multihash.decode(Multibase.BASE32_UPPER.decodeRaw(name));
    if (!name(mh).equals(name)) throw new MultiformatException("block key '" + name + "' is not in canonical upper-case base32");
    return mh;
  }
}
