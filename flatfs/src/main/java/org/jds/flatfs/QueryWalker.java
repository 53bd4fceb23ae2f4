package org.jds.flatfs;

import java.lang.System.Logger.Level;
import org.jds.datastore.DatastoreException;
import org.jds.datastore.DatastoreIOException;
import org.jds.datastore.Key;
import org.jds.datastore.query.CancellableIterator;
import org.jds.datastore.query.Entry;
import org.jds.datastore.query.Query;
import org.jds.datastore.query.Result;
import org.jds.flatfs.storage.DirectoryListing;
import org.jds.flatfs.storage.FileStat;
import org.jds.flatfs.storage.NoSuchPathException;
import org.jds.flatfs.storage.StorageException;
import org.jds.flatfs.storage.StoragePaths;

/**
 * The lazy directory walk behind a root query (Go's walkTopLevel/walk): top-level directories not
 * starting with {@code .}, then each {@code *.data} name in them, in raw listing order. Pulls one
 * listing entry per result, so memory stays flat. {@link #close()}, from any thread, and the query's
 * deadline stop the walk between two listing entries (Go selects on {@code ctx.Done()} there); the
 * open listings are then closed by {@link CancellableIterator}'s protocol, never while in use.
 */
final class QueryWalker extends CancellableIterator {
  private static final System.Logger LOG = System.getLogger("org.jds.flatfs");

  private final FlatfsDatastore ds;
  private final Query q;
  private DirectoryListing top;
  private DirectoryListing shard;
  private String shardDir;
  private boolean released;

  QueryWalker(FlatfsDatastore ds, Query q) {
    super(q.deadline());
    this.ds = ds;
    this.q = q;
  }

  @Override
  protected Result pull() {
    if (released) {
      return null; // a walk error ended the walk
    }
    try {
      if (top == null) {
        top = ds.storage().list(ds.path());
      }
      while (!stopped()) {
        if (shard == null && !openNextShard()) {
          return null;
        }
        String name = shard.next();
        if (name == null) {
          shard.close();
          shard = null;
          continue;
        }
        if (name.isEmpty() || name.charAt(0) == Layout.HIDDEN_MARK) {
          continue;
        }
        if (!name.endsWith(Layout.EXTENSION)) {
          if (!name.startsWith(Layout.LEGACY_PUT_PREFIX)) {
            LOG.log(Level.WARNING, "failed to decode flatfs filename " + name);
          }
          continue;
        }
        // Go: no key validity or shard check; a stray foo.data comes back as /foo.
        String key = Key.of(name.substring(0, name.length() - Layout.EXTENSION.length())).toString();
        Result r = entry(key, name);
        if (r != null) {
          return r;
        }
      }
      return null;
    } catch (StorageException e) {
      release(); // CancellableIterator calls it again at the end: it is idempotent
      return Result.error(new DatastoreIOException("walk failed: " + e.getMessage(), e));
    }
  }

  /** Advances {@link #shard} to the next top-level directory; false when there is none. */
  private boolean openNextShard() throws StorageException {
    for (String d = top.next(); d != null && !stopped(); d = top.next()) {
      if (d.isEmpty() || d.charAt(0) == Layout.HIDDEN_MARK) {
        continue;
      }
      String dir = StoragePaths.join(ds.path(), d);
      try {
        FileStat st = ds.storage().stat(dir);
        if (!st.directory()) {
          continue;
        }
        shard = ds.storage().list(dir);
        shardDir = dir;
        return true;
      } catch (NoSuchPathException e) {
        // vanished since the listing: skip, as Go does
      }
    }
    return false;
  }

  /**
   * The result for one file, or null if it was deleted since the listing. Deviation from Go, which
   * reports such a race as an error result: a concurrently deleted key is simply absent, as Go
   * already treats a vanished shard directory and a vanished batch staging file.
   */
  private Result entry(String key, String name) {
    try {
      if (!q.keysOnly()) {
        byte[] v = ds.readValue(StoragePaths.join(shardDir, name));
        return Result.of(new Entry(key, v, v.length, null));
      }
      if (q.returnsSizes()) {
        return Result.of(new Entry(key, null, ds.statSize(StoragePaths.join(shardDir, name)), null));
      }
      return Result.of(new Entry(key, null, 0, null));
    } catch (DatastoreException e) {
      return e.isNotFound() ? null : Result.error(e);
    }
  }

  /** Closes the open listings; idempotent. After a walk error, a later pull() lists nothing more. */
  @Override
  protected void release() {
    released = true;
    closeQuietly(shard);
    closeQuietly(top);
    shard = null;
    top = null;
  }

  private static void closeQuietly(DirectoryListing l) {
    if (l != null) {
      try {
        l.close();
      } catch (StorageException e) {
        // nothing left to report to
      }
    }
  }
}
