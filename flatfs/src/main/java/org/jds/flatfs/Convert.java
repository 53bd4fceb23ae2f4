package org.jds.flatfs;

import java.io.Flushable;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;
import org.jds.datastore.DatastoreException;
import org.jds.datastore.Key;
import org.jds.datastore.query.Query;
import org.jds.datastore.query.Result;
import org.jds.datastore.query.Results;
import org.jds.flatfs.storage.DirectoryListing;
import org.jds.flatfs.storage.NoSuchPathException;
import org.jds.flatfs.storage.Storage;
import org.jds.flatfs.storage.StorageException;
import org.jds.flatfs.storage.StoragePaths;

/** Migration tools (Go's convert.go): v0↔v1 and resharding by moving files. */
public final class Convert {
  private static final System.Logger LOG = System.getLogger("org.jds.flatfs");

  private Convert() {}

  /** Writes SHARDING for {@code prefix(prefixLen)} into a v0 store; existing SHARDING is an error. */
  public static void upgradeV0toV1(Storage storage, String path, int prefixLen) throws DatastoreException {
    if (prefixLen < 0) {
      throw new FlatfsException(FlatfsException.Reason.BAD_SHARD_ID, "invalid parameter: negative value " + prefixLen);
    }
    ShardId fn = ShardId.prefix(prefixLen);
    ShardingFile.write(storage, path, fn);
    ShardingFile.writeReadme(storage, path, fn);
  }

  /** Removes SHARDING (and _README) from a prefix-sharded store. */
  public static void downgradeV1toV0(Storage storage, String path) throws DatastoreException {
    ShardId fn = ShardingFile.read(storage, path);
    if (!fn.funName().equals(ShardId.PREFIX_FN)) {
      throw new FlatfsException(FlatfsException.Reason.NOT_PREFIX_SHARDED,
          storage.describe(path) + ": can only downgrade datastore that use the 'prefix' sharding function");
    }
    try {
      ShardingFile.delete(storage, path);
    } catch (StorageException e) {
      throw FlatfsDatastore.io(e);
    }
    try {
      storage.delete(StoragePaths.join(path, Layout.README_FN));
    } catch (NoSuchPathException e) {
      // never written for prefix stores
    } catch (StorageException e) {
      throw FlatfsDatastore.io(e);
    }
  }

  /**
   * Moves every key of the store at {@code oldPath} into the existing store at {@code newPath} (both
   * on {@code storage}), then empties the old directory so that the caller can remove it. No
   * rollback: a failure leaves keys in both, and running it again (either way) continues.
   *
   * @param out progress, or null
   */
  public static void move(Storage storage, String oldPath, String newPath, Appendable out) throws DatastoreException {
    FlatfsDatastore oldDs = openDeactivated(storage, oldPath);
    try {
      FlatfsDatastore newDs = openDeactivated(storage, newPath);
      try {
        moveLocked(storage, oldDs, newDs, oldPath, newPath, out);
      } finally {
        newDs.releaseLock();
      }
    } finally {
      oldDs.releaseLock();
    }
  }

  /** The move itself, with both stores' writer locks held. */
  private static void moveLocked(Storage storage, FlatfsDatastore oldDs, FlatfsDatastore newDs, String oldPath,
      String newPath, Appendable out) throws DatastoreException {
    progress(out, "Moving Keys...\n");
    int count = 0;
    try (Results res = oldDs.walk(Query.builder().keysOnly(true).build())) {
      for (Result r = res.next(); r != null; r = res.next()) {
        if (r.isError()) {
          throw r.error();
        }
        moveKey(storage, oldDs, newDs, Key.raw(r.entry().key()));
        count++;
        if (count % 10 == 0) {
          progress(out, "\r" + count + " keys so far");
        }
      }
    }
    progress(out, "\nCleaning Up...\n");
    try {
      cleanUp(storage, oldPath, newPath);
    } catch (StorageException e) {
      throw FlatfsDatastore.io(e);
    }
    progress(out, "All Done.\n");
  }

  /** Progress is best effort, as Go ignores Fprintf errors. */
  private static void progress(Appendable out, String text) {
    if (out == null) {
      return;
    }
    try {
      out.append(text);
      if (out instanceof Flushable f) {
        f.flush();
      }
    } catch (IOException e) {
      // progress only
    }
  }

  private static FlatfsDatastore openDeactivated(Storage storage, String path) throws DatastoreException {
    FlatfsDatastore ds;
    try {
      ds = FlatfsDatastore.open(storage, path, false);
    } catch (FlatfsException e) {
      throw new FlatfsException(e.reason(), storage.describe(path) + ": " + e.getMessage(), e);
    } catch (DatastoreException e) {
      throw new org.jds.datastore.DatastoreIOException(storage.describe(path) + ": " + e.getMessage(), e);
    }
    ds.deactivate();
    return ds;
  }

  private static void moveKey(Storage storage, FlatfsDatastore oldDs, FlatfsDatastore newDs, Key key) throws DatastoreException {
    try {
      storage.mkdir(newDs.dirOf(key));
      storage.rename(oldDs.fileOf(key), newDs.fileOf(key));
    } catch (StorageException e) {
      throw FlatfsDatastore.io(e);
    }
  }

  /**
   * Empties the old root: shard dirs and .temp (only legacy put- files and jds's lock file allowed),
   * SHARDING, _README; moves strays.
   */
  private static void cleanUp(Storage storage, String oldPath, String newPath) throws DatastoreException, StorageException {
    for (String fn : names(storage, oldPath)) {
      String p = StoragePaths.join(oldPath, fn);
      if (storage.stat(p).directory()) {
        for (String n : names(storage, p)) {
          if (!n.startsWith(Layout.LEGACY_PUT_PREFIX) && !(fn.equals(Layout.TEMP_DIR) && n.equals(Layout.LOCK_FILE))) {
            throw new FlatfsException(FlatfsException.Reason.UNKNOWN_FILE,
                "unknown file in flatfs: " + storage.describe(StoragePaths.join(p, n)));
          }
          storage.delete(StoragePaths.join(p, n));
        }
        storage.delete(p);
      } else if (fn.equals(Layout.SHARDING_FN)) {
        ShardingFile.delete(storage, oldPath);
      } else if (fn.equals(Layout.README_FN)) {
        storage.delete(p);
      } else {
        LOG.log(Level.WARNING, "found unexpected file in datastore directory, moving anyways: " + fn);
        storage.rename(p, StoragePaths.join(newPath, fn));
      }
    }
  }

  private static List<String> names(Storage storage, String dir) throws StorageException {
    List<String> out = new ArrayList<>();
    try (DirectoryListing l = storage.list(dir)) {
      for (String n = l.next(); n != null; n = l.next()) {
        out.add(n);
      }
    }
    return out;
  }
}
