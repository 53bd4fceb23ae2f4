package org.jds.node.transfer;

import java.util.function.BooleanSupplier;
import org.jds.datastore.DatastoreException;
import org.jds.node.blockstore.Blockstore;
import org.jds.node.multiformats.Cid;
import org.jds.node.multiformats.Multicodec;
import org.jds.node.multiformats.MultiformatException;
import org.jds.node.multiformats.Multihash;

/**
 * Copies blocks from a source into a blockstore, verifying each against its multihash. Resumable and
 * idempotent: a block the blockstore already has is skipped before its bytes are read, so a rerun
 * after an interruption (Ctrl-C, kill -9) writes only what is missing; a block is either wholly
 * stored or absent (the stores write through a temp file and a rename). A bad block (undecodable
 * name, bytes that do not match) is listed and skipped; a failure of the source or of the
 * destination (full, I/O error) stops the import with that error, and everything stored before it
 * stays stored.
 */
public final class Importer {
  private final Blockstore dest;

  /** @param dest the destination; its own put verification may be off, since the importer verifies */
  public Importer(Blockstore dest) {
    this.dest = dest;
  }

  /**
   * Imports every block of {@code source}, updating {@code stats} and {@code progress} as it goes,
   * until {@code stop} says so: it is asked before each block, so a stop falls between two blocks.
   *
   * @return false if {@code stop} ended the import before the source did
   * @throws DatastoreException if the source cannot be read further or the destination fails; the
   *     stats then count what was done before
   */
  public boolean run(BlockSource source, ImportStats stats, Progress progress, BooleanSupplier stop)
      throws DatastoreException {
    while (!stop.getAsBoolean()) {
      SourceBlock b = source.next();
      if (b == null) {
        return true;
      }
      importOne(b, stats);
      progress.update(stats.seen(), () -> stats.progressLine(source, progress.seconds()));
    }
    return false;
  }

  private void importOne(SourceBlock b, ImportStats stats) throws DatastoreException {
    Multihash mh = b.multihash();
    if (mh == null) {
      stats.bad(b.label(), b.problem());
      return;
    }
    Cid cid = Cid.v1(Multicodec.RAW, mh); // the blockstore keys by multihash alone
    if (dest.has(cid)) {
      stats.skip();
      return;
    }
    byte[] data = b.read();
    try {
      if (!mh.matches(data)) {
        stats.bad(b.label(), "bytes do not hash to " + cid);
        return;
      }
    } catch (MultiformatException e) {
      stats.bad(b.label(), e.getMessage());
      return;
    }
    dest.put(cid, data);
    stats.add(data.length);
  }
}
