package org.jds.node.gateway;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jds.datastore.DatastoreException;
import org.jds.node.blockstore.Block;
import org.jds.node.blockstore.Blockstore;
import org.jds.node.dag.CodecException;
import org.jds.node.dag.DagPb;
import org.jds.node.dag.DagWalker;
import org.jds.node.dag.Links;
import org.jds.node.dag.MissingBlockException;
import org.jds.node.multiformats.Cid;
import org.jds.node.multiformats.Multicodec;

/**
 * The blocks of a trustless-gateway CAR: depth-first pre-order from the root ({@code order=dfs}),
 * limited by {@code dag-scope} ({@code block}: the root; {@code entity}: the root, and for a UnixFS
 * file every block of the file; {@code all}: the whole DAG), with or without repeated blocks
 * ({@code dups}). One block loaded per step. Single consumer.
 */
final class CarTraversal {
  /** The trustless gateway's {@code dag-scope}. */
  enum Scope { BLOCK, ENTITY, ALL }

  /** UnixFS {@code Data.Type} values whose whole DAG is the entity. */
  private static final int UNIXFS_RAW = 0;
  private static final int UNIXFS_FILE = 2;

  private final Blockstore store;
  private final Scope scope;
  private final boolean dups;
  private final Deque<Cid> stack = new ArrayDeque<>();
  private final Set<Cid> seen = new HashSet<>();
  private final Cid root;

  CarTraversal(Blockstore store, Cid root, Scope scope, boolean dups) {
    this.store = store;
    this.root = root;
    this.scope = scope;
    this.dups = dups;
    stack.push(root);
  }

  /**
   * The next block, or null at the end.
   *
   * @throws MissingBlockException a block is not stored
   */
  Block next() throws DatastoreException, CodecException {
    while (!stack.isEmpty()) {
      Cid cid = stack.pop();
      if (!seen.add(cid) && !dups) continue;
      byte[] data = DagWalker.load(store, cid);
      if (descend(cid, data)) {
        List<Cid> links = Links.of(cid, data);
        for (int i = links.size() - 1; i >= 0; i--) stack.push(links.get(i));
      }
      return new Block(cid, data);
    }
    return null;
  }

  private boolean descend(Cid cid, byte[] data) throws CodecException {
    return switch (scope) {
      case BLOCK -> false;
      case ALL -> true;
      // Below the root we are already inside a file: every block belongs to it.
      case ENTITY -> !cid.equals(root) || isUnixfsFile(cid, data);
    };
  }

  private static boolean isUnixfsFile(Cid cid, byte[] data) throws CodecException {
    if (cid.codec() != Multicodec.DAG_PB.code()) return false;
    byte[] d = DagPb.decode(data).data();
    // UnixFS Data: field 1 (Type) is a varint, tag byte 0x08; types fit in one byte.
    if (d == null || d.length < 2 || d[0] != 0x08) return false;
    return d[1] == UNIXFS_FILE || d[1] == UNIXFS_RAW;
  }
}
