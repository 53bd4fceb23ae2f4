package org.jds.node.blockstore;

import org.jds.node.multiformats.Cid;

/**
 * One key of a blockstore listing: the datastore key and either the block's CID (v1 raw, as kubo
 * lists blocks) or, for a key that is not a block key, the reason it does not decode.
 *
 * @param key the datastore key as listed (with the blockstore's namespace)
 * @param cid the block's CIDv1 raw, or null for a bad key
 * @param problem why the key does not decode, or null
 */
public record BlockKey(String key, Cid cid, String problem) {
  /** True if the key does not decode to a block. */
  public boolean isBad() {
    return cid == null;
  }
}
