package org.jds.node.cli;

import org.jds.datastore.Batch;
import org.jds.datastore.Batching;
import org.jds.datastore.Datastore;
import org.jds.datastore.DatastoreException;
import org.jds.datastore.Key;
import org.jds.datastore.query.Query;
import org.jds.datastore.query.Result;
import org.jds.datastore.query.Results;
import org.jds.flatfs.ShardId;

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
    if (from.equals(to)) {
      throw new BadInputException("export source and target are the same store");
    }
    try (Datastore src = from.open(sync)) {
      ShardId fn = shard != null ? shard : StoreSpec.shardOf(src);
      try (Datastore dst = to.open(sync, fn, true); Results r = src.query(Query.all())) {
        return copy(r, dst);
      }
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
