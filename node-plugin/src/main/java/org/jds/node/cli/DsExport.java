package org.jds.node.cli;

import org.jds.datastore.Batch;
import org.jds.datastore.Batching;
import org.jds.datastore.Datastore;
import org.jds.datastore.DatastoreException;
import org.jds.datastore.Key;
import org.jds.datastore.query.Query;
import org.jds.datastore.query.Result;
import org.jds.datastore.query.Results;
import org.jds.datastore.DatastoreIOException;
import org.jds.flatfs.FlatfsDatastore;
import org.jds.flatfs.Layout;
import org.jds.flatfs.ShardId;
import org.jds.flatfs.storage.DirectoryListing;
import org.jds.flatfs.storage.StorageException;
import org.jds.flatfs.storage.StoragePaths;

/**
 * {@code jds ds export --store A --to B}: copies every key of A into B. B is created if it is a
 * missing flatfs directory, and gets A's shard function unless {@code --shard} names another, so a
 * flatfs → blobfs → flatfs round trip rebuilds the same tree.
 */
final class DsExport {
  /** Keys per batch commit: bounds the staged files without a commit per key. */
  private static final int BATCH = 1024;

  private DsExport() {}

  /** Returns the number of keys copied. */
  static long run(StoreSpec from, StoreSpec to, ShardId shard, boolean sync) throws BadInputException, DatastoreException {
    StoreIdentity.checkDistinct("export", from.location(), to.location());
    try (Datastore src = from.openForRead(sync, null)) {
      ShardId fn = shard != null ? shard : StoreSpec.shardOf(src);
      try (Datastore dst = to.open(sync, fn, true)) {
        long n;
        try (Results r = src.query(Query.all())) {
          n = copy(r, dst);
        }
        copyShardDirs(src, dst);
        return n;
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

  private static long copy(Results r, Datastore dst) throws DatastoreException {
    long n = 0;
    Batch b = dst instanceof Batching bt ? bt.batch() : null;
    for (Result res : r) {
      if (res.isError()) {
        throw res.error();
      }
      Key k = Key.raw(res.entry().key());
      if (b == null) {
        dst.put(k, res.entry().value());
      } else {
        b.put(k, res.entry().value());
      }
      if (++n % BATCH == 0 && b != null) {
        b.commit();
        b = ((Batching) dst).batch();
      }
    }
    if (b != null) {
      b.commit();
    }
    return n;
  }
}
