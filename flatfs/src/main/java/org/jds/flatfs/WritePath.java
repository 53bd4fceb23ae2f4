package org.jds.flatfs;

import org.jds.datastore.DatastoreException;
import org.jds.datastore.Key;
import org.jds.flatfs.storage.FileStat;
import org.jds.flatfs.storage.NoSuchPathException;
import org.jds.flatfs.storage.StorageException;
import org.jds.flatfs.storage.WritableFile;

/**
 * The write half of flatfs (Go's doWriteOp/doPut/doDelete/renameAndUpdateDiskUsage): every change
 * to a key goes through the op map, keeps the disk usage exact, and with sync on is durable in
 * Go's order (file, then its directory; a new shard directory, then the root).
 */
final class WritePath {
  private final FlatfsDatastore ds;
  private final DiskUsageTracker diskUsage;
  private final OpMap opMap = new OpMap();

  WritePath(FlatfsDatastore ds, DiskUsageTracker diskUsage) {
    this.ds = ds;
    this.diskUsage = diskUsage;
  }

  /** Put through the op map (skipped if an overlapping op on the key succeeds first). */
  void put(Key key, byte[] value) throws DatastoreException {
    run(key, () -> doPut(key, value));
  }

  /** Delete through the op map. */
  void delete(Key key) throws DatastoreException {
    run(key, () -> doDelete(key));
  }

  /** Moves a batch's staged file into place through the op map. */
  void commitStaged(Key key, String staged) throws DatastoreException {
    run(key, () -> renameAndUpdateDiskUsage(staged, ds.fileOf(key)));
  }

  /** Runs {@code op} through the op map; returns false when a concurrent op made it unnecessary. */
  boolean run(Key key, Retry.IoRun op) throws DatastoreException {
    OpMap.Op o = opMap.begin(key.toString());
    if (o == null) {
      return false;
    }
    boolean ok = false;
    try {
      op.run();
      ok = true;
      return true;
    } catch (StorageException e) {
      throw FlatfsDatastore.io(e);
    } finally {
      opMap.finish(o, ok);
    }
  }

  private void doPut(Key key, byte[] value) throws StorageException {
    String dir = ds.dirOf(key);
    makeDir(dir);
    WritableFile tmp = Retry.onTooManyFiles(ds.options(), () -> ds.storage().createTemp(ds.tempPath(), Layout.TEMP_PREFIX));
    boolean renamed = false;
    try {
      tmp.write(value);
      if (ds.options().sync()) {
        Retry.syncFile(tmp);
      }
      tmp.close();
      renameAndUpdateDiskUsage(tmp.path(), ds.fileOf(key));
      renamed = true;
      if (ds.options().sync()) {
        Retry.throttledSync(() -> ds.storage().syncDirectory(dir));
      }
    } finally {
      if (!renamed) {
        FlatfsDatastore.closeQuietly(tmp);
        FlatfsDatastore.deleteQuietly(ds.storage(), tmp.path());
      }
    }
  }

  /** mkdir, and with sync on fsync the root when the shard dir is new. */
  private void makeDir(String dir) throws StorageException {
    if (makeDirNoSync(dir) && ds.options().sync()) {
      Retry.throttledSync(() -> ds.storage().syncDirectory(ds.path()));
    }
  }

  /** mkdir; a new directory's own size counts towards the disk usage. */
  boolean makeDirNoSync(String dir) throws StorageException {
    if (!ds.storage().mkdir(dir)) {
      return false;
    }
    diskUsage.addSizeOf(dir, true);
    return true;
  }

  /** Go's renameAndUpdateDiskUsage: -old size, rename with retries, +size of whatever is there. */
  void renameAndUpdateDiskUsage(String tmp, String dest) throws StorageException {
    try {
      FileStat st = ds.storage().stat(dest);
      diskUsage.addQuietly(-st.size());
    } catch (NoSuchPathException e) {
      // new key
    }
    StorageException err = null;
    for (int i = 0; i < ds.options().retryAttempts(); i++) {
      try {
        ds.storage().rename(tmp, dest);
        err = null;
        break;
      } catch (NoSuchPathException e) {
        err = e;
        break;
      } catch (StorageException e) {
        err = e;
        Retry.sleep(ds.options().retryDelay().multipliedBy(i + 1));
      }
    }
    diskUsage.addSizeOf(dest, true);
    if (err != null) {
      throw err;
    }
  }

  private void doDelete(Key key) throws StorageException {
    String file = ds.fileOf(key);
    long size = DiskUsageTracker.sizeOf(ds.storage(), file);
    StorageException err = null;
    for (int i = 0; i < ds.options().retryAttempts(); i++) {
      try {
        ds.storage().delete(file);
        err = null;
        break;
      } catch (NoSuchPathException e) {
        return;
      } catch (StorageException e) {
        err = e;
      }
    }
    if (err != null) {
      throw err;
    }
    diskUsage.addQuietly(-size);
    diskUsage.checkpoint();
  }
}
