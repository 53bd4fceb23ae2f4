package org.jds.flatfs;

import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.jds.datastore.DatastoreException;
import org.jds.datastore.Key;
import org.jds.datastore.query.Entry;
import org.jds.datastore.query.Query;
import org.jds.datastore.query.Result;
import org.jds.datastore.query.ResultIterator;
import org.jds.datastore.query.Results;

/**
 * The merged stream of a batch query: staged puts first (a vanished staging file is skipped), then
 * the store's results minus keys deleted in, or already sent from, the batch. Go quirk kept: the
 * store's part already had the query applied once.
 */
final class BatchQueryMerge implements ResultIterator {
  private final FlatfsDatastore ds;
  private final Query q;
  private final Iterator<Key> staged;
  private final Set<Key> deletedOrSent;
  private final Function<Key, String> stagingFile;
  private final Results main;

  BatchQueryMerge(FlatfsDatastore ds, Query q, List<Key> puts, Set<Key> deleted, Function<Key, String> stagingFile, Results main) {
    this.ds = ds;
    this.q = q;
    this.staged = puts.iterator();
    this.deletedOrSent = deleted;
    this.stagingFile = stagingFile;
    this.main = main;
  }

  @Override
  public Result next() {
    while (staged.hasNext()) {
      Key key = staged.next();
      if (deletedOrSent.contains(key)) {
        continue;
      }
      Result r = stagedResult(key);
      if (r != null) {
        deletedOrSent.add(key);
        return r;
      }
    }
    for (Result r = main.next(); r != null; r = main.next()) {
      if (r.isError() || !deletedOrSent.contains(Key.of(r.entry().key()))) {
        return r;
      }
    }
    return null;
  }

  /** The result for a staged key, or null when its file has vanished. */
  private Result stagedResult(Key key) {
    String file = stagingFile.apply(key);
    try {
      if (!q.keysOnly()) {
        byte[] v = ds.readValue(file);
        return Result.of(new Entry(key.toString(), v, v.length, null));
      }
      if (q.returnsSizes()) {
        return Result.of(new Entry(key.toString(), null, ds.statSize(file), null));
      }
      return Result.of(new Entry(key.toString(), null, 0, null));
    } catch (DatastoreException e) {
      return e.isNotFound() ? null : Result.error(e);
    }
  }

  @Override
  public void close() {
    main.close();
  }
}
