package org.jds.flatfs;

import org.jds.datastore.DatastoreException;
import org.jds.flatfs.storage.DirectoryListing;
import org.jds.flatfs.storage.LockedException;
import org.jds.flatfs.storage.NoSuchPathException;
import org.jds.flatfs.storage.Storage;
import org.jds.flatfs.storage.StorageException;
import org.jds.flatfs.storage.StorageLock;
import org.jds.flatfs.storage.StoragePaths;

/** Go's {@code Create} and the file-system half of {@code Open}, with Go's sentinel errors. */
final class Lifecycle {
  private Lifecycle() {}

  /**
   * Makes {@code path} (one level; the parent must exist) a flatfs store with shard function {@code
   * fn}: writes SHARDING, and _README for the default function.
   *
   * @throws FlatfsException {@code DATASTORE_EXISTS} if it already is one with the same function,
   *     {@code SHARD_MISMATCH} with another, {@code NOT_A_DATASTORE} if the directory holds
   *     anything but has no SHARDING, {@code BAD_SHARD_ID} if its SHARDING does not parse
   */
  static void create(Storage storage, String path, ShardId fn) throws DatastoreException {
    try {
      storage.mkdir(path);
    } catch (StorageException e) {
      throw FlatfsDatastore.io(e);
    }
    ShardId existing;
    try {
      existing = ShardingFile.read(storage, path);
    } catch (FlatfsException e) {
      if (e.reason() != FlatfsException.Reason.SHARDING_FILE_MISSING) {
        throw e;
      }
      if (!ShardingFile.dirIsEmpty(storage, path)) {
        throw new FlatfsException(FlatfsException.Reason.NOT_A_DATASTORE,
            "directory missing " + Layout.SHARDING_FN + " file: " + storage.describe(path));
      }
      ShardingFile.write(storage, path, fn);
      ShardingFile.writeReadme(storage, path, fn);
      return;
    }
    if (!fn.toString().equals(existing.toString())) {
      throw new FlatfsException(FlatfsException.Reason.SHARD_MISMATCH,
          "specified shard func '" + fn + "' does not match repo shard func '" + existing + "'");
    }
    throw new FlatfsException(FlatfsException.Reason.DATASTORE_EXISTS, FlatfsException.MSG_EXISTS);
  }

  /** What a writable open holds: the shard function and the writer lock. */
  record Opened(ShardId shard, StorageLock lock) {}

  /**
   * Checks the directory, takes the writer lock, resets {@code .temp} and reads SHARDING, in Go's
   * order (so a non-store directory is left with a {@code .temp}, as in Go). The lock file lives
   * in {@code .temp} and survives the reset; the caller releases the lock when the store closes.
   *
   * @throws FlatfsException {@code IN_USE} if another writer holds the lock
   */
  static Opened prepareOpen(Storage storage, String path) throws DatastoreException {
    checkExists(storage, path);
    String temp = StoragePaths.join(path, Layout.TEMP_DIR);
    StorageLock lock = lockTemp(storage, path, temp);
    try {
      try {
        for (String name : names(storage, temp)) {
          if (!name.equals(Layout.LOCK_FILE)) {
            storage.deleteTree(StoragePaths.join(temp, name));
          }
        }
      } catch (StorageException e) {
        throw new FlatfsException(FlatfsException.Reason.TEMP_DIR, "failed to remove temporary directory: " + e.getMessage(), e);
      }
      return new Opened(ShardingFile.read(storage, path), lock);
    } catch (DatastoreException | RuntimeException e) {
      release(lock);
      throw e;
    }
  }

  /**
   * A read-only open's half: checks the directory and reads SHARDING; writes nothing, takes no lock
   * and leaves {@code .temp} alone (a writer may be using it).
   */
  static ShardId prepareReadOnlyOpen(Storage storage, String path) throws DatastoreException {
    checkExists(storage, path);
    return ShardingFile.read(storage, path);
  }

  private static void checkExists(Storage storage, String path) throws DatastoreException {
    try {
      storage.stat(path);
    } catch (NoSuchPathException e) {
      throw new FlatfsException(FlatfsException.Reason.DATASTORE_DOES_NOT_EXIST, FlatfsException.MSG_DOES_NOT_EXIST);
    } catch (StorageException e) {
      throw FlatfsDatastore.io(e);
    }
  }

  /** Makes {@code .temp} a directory (removing a file in its way, as Go's RemoveAll does) and locks it. */
  private static StorageLock lockTemp(Storage storage, String path, String temp) throws DatastoreException {
    try {
      if (!storage.exists(temp) || !storage.stat(temp).directory()) {
        storage.deleteTree(temp);
        if (!storage.mkdir(temp)) {
          throw new FlatfsException(FlatfsException.Reason.TEMP_DIR,
              "failed to create temporary directory: mkdir " + temp + ": file exists");
        }
      }
    } catch (StorageException e) {
      throw new FlatfsException(FlatfsException.Reason.TEMP_DIR, "failed to create temporary directory: " + e.getMessage(), e);
    }
    try {
      return storage.lock(StoragePaths.join(temp, Layout.LOCK_FILE));
    } catch (LockedException e) {
      throw new FlatfsException(FlatfsException.Reason.IN_USE, "datastore " + storage.describe(path)
          + " is open for writing elsewhere: " + e.reason() + "; stop that writer first (readers need no lock)", e);
    } catch (StorageException e) {
      throw new FlatfsException(FlatfsException.Reason.TEMP_DIR, "failed to lock temporary directory: " + e.getMessage(), e);
    }
  }

  private static java.util.List<String> names(Storage storage, String dir) throws StorageException {
    java.util.List<String> out = new java.util.ArrayList<>();
    try (DirectoryListing l = storage.list(dir)) {
      for (String n = l.next(); n != null; n = l.next()) {
        out.add(n);
      }
    }
    return out;
  }

  /** Releases a writer lock; a failure to release is moot once the descriptor is gone. */
  static void release(StorageLock lock) {
    try {
      lock.close();
    } catch (StorageException e) {
      // closing the lock's descriptor failed: the process exit releases it at the latest
    }
  }
}
