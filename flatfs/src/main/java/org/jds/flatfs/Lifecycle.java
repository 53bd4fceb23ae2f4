package org.jds.flatfs;

import org.jds.datastore.DatastoreException;
import org.jds.flatfs.storage.NoSuchPathException;
import org.jds.flatfs.storage.Storage;
import org.jds.flatfs.storage.StorageException;
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

  /**
   * Checks the directory, resets {@code .temp} and reads SHARDING, in Go's order (so a non-store
   * directory is left with a {@code .temp}, as in Go).
   */
  static ShardId prepareOpen(Storage storage, String path) throws DatastoreException {
    try {
      storage.stat(path);
    } catch (NoSuchPathException e) {
      throw new FlatfsException(FlatfsException.Reason.DATASTORE_DOES_NOT_EXIST, FlatfsException.MSG_DOES_NOT_EXIST);
    } catch (StorageException e) {
      throw FlatfsDatastore.io(e);
    }
    String temp = StoragePaths.join(path, Layout.TEMP_DIR);
    try {
      storage.deleteTree(temp);
    } catch (StorageException e) {
      throw new FlatfsException(FlatfsException.Reason.TEMP_DIR, "failed to remove temporary directory: " + e.getMessage(), e);
    }
    try {
      if (!storage.mkdir(temp)) {
        throw new FlatfsException(FlatfsException.Reason.TEMP_DIR,
            "failed to create temporary directory: mkdir " + temp + ": file exists");
      }
    } catch (StorageException e) {
      throw new FlatfsException(FlatfsException.Reason.TEMP_DIR, "failed to create temporary directory: " + e.getMessage(), e);
    }
    return ShardingFile.read(storage, path);
  }
}
