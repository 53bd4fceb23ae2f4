package org.jds.node.pin;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.locks.Lock;
import org.jds.datastore.DatastoreException;
import org.jds.node.blockstore.Block;
import org.jds.node.blockstore.BlockKey;
import org.jds.node.blockstore.BlockListing;
import org.jds.node.blockstore.Blockstore;
import org.jds.node.dag.CodecException;
import org.jds.node.dag.DagWalker;
import org.jds.node.multiformats.Cid;
import org.jds.node.multiformats.Multihash;

/**
 * Mark and sweep under the exclusive GC lock: marks the multihashes of every block reachable from a
 * recursive pin and of every direct pin, then deletes every stored block not marked. Blocks are
 * compared by multihash, as the blockstore keys them. If marking fails (a pinned DAG misses a block or
 * does not decode, or a pin record is corrupt) nothing is deleted. Memory grows with the number of
 * marked blocks.
 */
public final class GarbageCollector {
  private final Blockstore blocks;
  private final Pinner pins;
  private final GcLock lock;

  public GarbageCollector(Blockstore blocks, Pinner pins, GcLock lock) {
    this.blocks = blocks;
    this.pins = pins;
    this.lock = lock;
  }

  /** What one run removed, as CIDv1 raw (kubo's {@code repo gc} output), and what it failed to read. */
  public record Result(List<Cid> removed, List<String> errors) {}

  /**
   * Runs one collection.
   *
   * @throws DatastoreException marking failed (nothing was deleted) or the store failed while sweeping
   *     (blocks deleted before the failure stay deleted; they were unpinned)
   */
  public Result run() throws DatastoreException {
    Lock l = lock.gcLock();
    l.lock();
    try {
      Set<Multihash> live = mark();
      List<Cid> removed = new ArrayList<>();
      List<String> errors = new ArrayList<>();
      try (BlockListing listing = blocks.keys()) {
        for (BlockKey k = listing.next(); k != null; k = listing.next()) {
          if (k.isBad()) {
            errors.add("bad block key " + k.key() + ": " + k.problem());
          } else if (!live.contains(k.cid().multihash())) {
            removed.add(k.cid());
          }
        }
      }
      // Deleted after the listing is closed, so no datastore iterates a directory it is changing.
      for (Cid c : removed) blocks.delete(c);
      return new Result(removed, errors);
    } finally {
      l.unlock();
    }
  }

  private Set<Multihash> mark() throws DatastoreException {
    Set<Multihash> live = new HashSet<>();
    for (Cid c : pins.direct()) live.add(c.multihash());
    DagWalker walker = new DagWalker(blocks, pins.recursive());
    try {
      for (Block b = walker.next(); b != null; b = walker.next()) live.add(b.cid().multihash());
    } catch (CodecException e) {
      throw new DatastoreException("gc: could not read the links of a pinned block: " + e.getMessage(), e);
    }
    return live;
  }
}
