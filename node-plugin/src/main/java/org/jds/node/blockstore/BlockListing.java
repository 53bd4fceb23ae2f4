package org.jds.node.blockstore;

import org.jds.datastore.DatastoreException;
import org.jds.datastore.query.Result;
import org.jds.datastore.query.Results;
import org.jds.node.multiformats.Cid;
import org.jds.node.multiformats.Multicodec;
import org.jds.node.multiformats.MultiformatException;

/**
 * A lazy listing of a blockstore's keys (a keys-only query), each decoded to a CIDv1 raw as kubo's
 * {@code AllKeysChan} does. A key that does not decode is returned as a bad {@link BlockKey}, never
 * skipped. Single consumer, not thread-safe; close it (try-with-resources).
 */
public final class BlockListing implements AutoCloseable {
  private final Results results;
  private final String prefix;

  BlockListing(Results results, String prefix) {
    this.results = results;
    this.prefix = prefix;
  }

  /**
   * The next key, or null at the end.
   *
   * @throws DatastoreException the store failed while listing
   */
  public BlockKey next() throws DatastoreException {
    Result r = results.next();
    if (r == null) return null;
    if (r.isError()) throw r.error();
    String key = r.entry().key();
    String s = key;
    if (!s.startsWith(prefix) || s.indexOf('/', prefix.length()) >= 0) {
      return new BlockKey(key, null, "not a block key (expected " + prefix + "<base32 multihash>)");
    }
    try {
      return new BlockKey(key, Cid.v1(Multicodec.RAW, DsKeys.toMultihash(s.substring(prefix.length()))), null);
    } catch (MultiformatException e) {
      return new BlockKey(key, null, e.getMessage());
    }
  }

  @Override
  public void close() {
    results.close();
  }
}
