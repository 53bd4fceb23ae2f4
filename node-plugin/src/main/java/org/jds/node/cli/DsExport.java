package org.jds.node.cli;

import java.io.PrintWriter;
import java.util.function.BooleanSupplier;
import org.jds.datastore.Batch;
import org.jds.datastore.Batching;
import org.jds.datastore.Datastore;
import org.jds.datastore.DatastoreException;
import org.jds.datastore.DatastoreIOException;
import org.jds.datastore.Key;
import org.jds.datastore.query.Query;
import org.jds.datastore.query.Result;
import org.jds.datastore.query.Results;
import org.jds.flatfs.FlatfsDatastore;
import org.jds.flatfs.Layout;
import org.jds.flatfs.ShardId;
import org.jds.flatfs.storage.DirectoryListing;
import org.jds.flatfs.storage.StorageException;
import org.jds.flatfs.storage.StoragePaths;

/**
 * {@code jds ds export --store A --to B}: copies every key of A into B. B is created if it is a
 * missing flatfs directory, and gets A's shard function unless {@code --shard} names another, so a
 * flatfs → blobfs → flatfs round trip rebuilds the same tree. A key that B already holds with the
 * same size is skipped (IPFS keys name their content), so a rerun after an interruption or a
 * failure finishes the job without copying again. A is opened read-only.
 */
final class DsExport {
  /** Keys per batch commit, and per progress report: bounds the staged files without a commit per key. */
  static final int BATCH = 1024;

  /** What an export did. */
  record Outcome(long copied, long skipped, long bytes, boolean interrupted) {
    /** Keys of the source that the target now holds (all of them unless interrupted). */
    long keys() {
      return copied + skipped;
    }

    String describe() {
      return copied + " key(s) copied (" + bytes + " bytes), " + skipped + " already present";
    }
  }

  private DsExport() {}

  /**
   * Copies every key; stops at the next key once {@code stop} says so, after committing what it
   * copied.
   *
   * @param progress where a line goes after every {@link #BATCH} keys, or null
   * @param overwrite whether the line rewrites itself ({@code \r}, a terminal) or is a line of its own
   */
  static Outcome run(StoreSpec from, StoreSpec to, ShardId shard, boolean sync, PrintWriter progress,
      boolean overwrite, BooleanSupplier stop) throws BadInputException, DatastoreException {
    StoreIdentity.checkDistinct("export", from.location(), to.location());
    try (Datastore src = from.openForRead(sync, null)) {
      ShardId fn = shard != null ? shard : StoreSpec.shardOf(src);
      try (Datastore dst = to.open(sync, fn, true)) {
        Outcome o;
        try (Results r = src.query(Query.builder().keysOnly(true).returnsSizes(true).build())) {
          o = copy(r, src, dst, progress, overwrite, stop);
        }
        if (!o.interrupted()) {
          copyShardDirs(src, dst);
        }
        return o;
      }
    }
  }

  /**
   * flatfs keeps empty shard directories forever; between two flatfs-format stores they are carried
   * over too, so the exported tree is the same tree.
   */
  private static void copyShardDirs(Datastore src, Datastore dst) throws DatastoreException {
    FlatfsDatastore a = StoreSpec.flatfsOf(src);
    FlatfsDatastore b = StoreSpec.flatfsOf(dst);
    if (a == null || b == null) {
      return;
    }
    try (DirectoryListing l = a.storage().list(a.path())) {
      for (String n = l.next(); n != null; n = l.next()) {
        String p = StoragePaths.join(a.path(), n);
        if (n.charAt(0) != Layout.HIDDEN_MARK && a.storage().stat(p).directory()) {
          b.storage().mkdir(StoragePaths.join(b.path(), n));
        }
      }
    } catch (StorageException e) {
      throw new DatastoreIOException("copying shard directories: " + e.getMessage(), e);
    }
  }

  private static Outcome copy(Results r, Datastore src, Datastore dst, PrintWriter progress, boolean overwrite,
      BooleanSupplier stop) throws DatastoreException {
    long copied = 0;
    long skipped = 0;
    long bytes = 0;
    boolean interrupted = false;
    Batch b = dst instanceof Batching bt ? bt.batch() : null;
    for (Result res : r) {
      if (stop.getAsBoolean()) {
        interrupted = true;
        break;
      }
      if (res.isError()) {
        throw res.error();
      }
      Key k = Key.raw(res.entry().key());
      if (holds(dst, k, res.entry().size())) {
        skipped++;
      } else {
        byte[] v;
        try {
          v = src.get(k);
        } catch (DatastoreException e) {
          if (e.isNotFound()) {
            continue; // deleted since the listing
          }
          throw e;
        }
        if (b == null) {
          dst.put(k, v);
        } else {
          b.put(k, v);
        }
        copied++;
        bytes += v.length;
      }
      if ((copied + skipped) % BATCH == 0) {
        if (b != null) {
          b.commit();
          b = ((Batching) dst).batch();
        }
        report(progress, overwrite, new Outcome(copied, skipped, bytes, false));
      }
    }
    if (b != null) {
      b.commit(); // also when interrupted: what was copied stays copied
    }
    return new Outcome(copied, skipped, bytes, interrupted);
  }

  /** Whether {@code dst} already holds {@code k} with {@code size} bytes. */
  private static boolean holds(Datastore dst, Key k, int size) throws DatastoreException {
    try {
      return dst.getSize(k) == size;
    } catch (DatastoreException e) {
      if (e.isNotFound()) {
        return false;
      }
      throw e;
    }
  }

  private static void report(PrintWriter progress, boolean overwrite, Outcome o) {
    if (progress != null) {
      progress.print((overwrite ? "\r" : "") + "export: " + o.keys() + " keys so far: " + o.describe()
          + (overwrite ? "" : System.lineSeparator()));
      progress.flush();
    }
  }
}
