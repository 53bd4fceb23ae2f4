package org.jds.node.dag;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jds.datastore.DatastoreException;
import org.jds.node.blockstore.Block;
import org.jds.node.blockstore.Blockstore;
import org.jds.node.multiformats.Cid;

/**
 * Yields the blocks of the DAGs under some roots in kubo's {@code dag export} order (go-car's
 * {@code TraverseV1} with an explore-all selector and {@code LinkVisitOnlyOnce}): depth-first,
 * pre-order, links in the order {@link Links} gives, each CID once (a CID already yielded, also under
 * an earlier root, is skipped with its subtree). One block is loaded per step; an explicit stack, so
 * deep DAGs cannot overflow the thread's stack; memory grows with the number of distinct CIDs seen.
 * Identity CIDs are yielded like other blocks (the blockstore answers them). Single consumer, not
 * thread-safe.
 */
public final class DagWalker {
  private final Blockstore store;
  private final Deque<Cid> stack = new ArrayDeque<>();
  private final Set<Cid> seen = new HashSet<>();

  public DagWalker(Blockstore store, List<Cid> roots) {
    this.store = store;
    for (int i = roots.size() - 1; i >= 0; i--) stack.push(roots.get(i));
  }

  /**
   * The next block, or null when every DAG is done.
   *
   * @throws MissingBlockException a block of the DAG is not stored
   * @throws CodecException a block does not decode, or its codec's links cannot be read
   * @throws DatastoreException the blockstore failed (or, with hash-on-read, found a corrupt block)
   */
  public Block next() throws DatastoreException, CodecException {
    while (!stack.isEmpty()) {
      Cid cid = stack.pop();
      if (!seen.add(cid)) continue;
      byte[] data = load(store, cid);
      List<Cid> links = Links.of(cid, data);
      for (int i = links.size() - 1; i >= 0; i--) {
        if (!seen.contains(links.get(i))) stack.push(links.get(i));
      }
      return new Block(cid, data);
    }
    return null;
  }

  /**
   * A block of a DAG being walked: its bytes, or {@link MissingBlockException} (kubo's "ipld: could
   * not find CID") when it is not stored.
   *
   * @throws DatastoreException the blockstore failed (or, with hash-on-read, found a corrupt block)
   */
  public static byte[] load(Blockstore store, Cid cid) throws DatastoreException {
    try {
      return store.get(cid);
    } catch (DatastoreException e) {
      if (e.isNotFound()) throw new MissingBlockException(cid);
      throw e;
    }
  }
}
