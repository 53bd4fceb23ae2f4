package org.jds.flatfs;

import java.nio.charset.StandardCharsets;
import org.jds.datastore.DatastoreException;
import org.jds.datastore.DatastoreIOException;
import org.jds.flatfs.storage.CreateMode;
import org.jds.flatfs.storage.DirectoryListing;
import org.jds.flatfs.storage.FileAccess;
import org.jds.flatfs.storage.KeySharding;
import org.jds.flatfs.storage.NoSuchPathException;
import org.jds.flatfs.storage.ShardAware;
import org.jds.flatfs.storage.Storage;
import org.jds.flatfs.storage.StorageException;
import org.jds.flatfs.storage.StoragePaths;
import org.jds.flatfs.storage.WritableFile;

/**
 * Reads, writes and deletes {@code SHARDING}, writes {@code _README} (Go's shard.go file helpers).
 * The one place that tells a {@link ShardAware} storage a store's sharding.
 */
public final class ShardingFile {
  private ShardingFile() {}

  private static final byte[] NEWLINE = {'\n'};

  /** Go's {@code ReadShardFunc}: a missing file is {@link FlatfsException.Reason#SHARDING_FILE_MISSING}. */
  public static ShardId read(Storage storage, String dir) throws DatastoreException {
    byte[] buf;
    try {
      buf = storage.readAll(StoragePaths.join(dir, Layout.SHARDING_FN));
    } catch (NoSuchPathException e) {
      throw new FlatfsException(FlatfsException.Reason.SHARDING_FILE_MISSING, FlatfsException.MSG_SHARDING_MISSING);
    } catch (StorageException e) {
      throw io(storage, e);
    }
    ShardId id = ShardId.parse(new String(buf, StandardCharsets.UTF_8));
    if (storage instanceof ShardAware a) {
      try {
        a.shardingRead(dir, keySharding(id));
      } catch (StorageException e) {
        throw io(storage, e);
      }
    }
    return id;
  }

  /**
   * Go's {@code WriteShardFunc}: the id, then a newline, in two writes to a file created
   * exclusively (existing is an error); no fsync, as in Go.
   */
  public static void write(Storage storage, String dir, ShardId id) throws DatastoreException {
    try (WritableFile f = storage.create(StoragePaths.join(dir, Layout.SHARDING_FN), CreateMode.EXCLUSIVE, FileAccess.DEFAULT)) {
      f.write(id.toString().getBytes(StandardCharsets.US_ASCII));
      f.write(NEWLINE);
    } catch (StorageException e) {
      throw io(storage, e);
    }
    written(storage, dir, id);
  }

  /** Deletes {@code dir}'s SHARDING (a downgrade or the end of a move). */
  public static void delete(Storage storage, String dir) throws DatastoreException, StorageException {
    storage.delete(StoragePaths.join(dir, Layout.SHARDING_FN));
    written(storage, dir, null);
  }

  private static void written(Storage storage, String dir, ShardId id) throws DatastoreException {
    if (storage instanceof ShardAware a) {
      try {
        a.shardingWritten(dir, id == null ? null : keySharding(id));
      } catch (StorageException e) {
        throw io(storage, e);
      }
    }
  }

  /** What a {@link ShardAware} storage is told about a store sharded by {@code id}. */
  public static KeySharding keySharding(ShardId id) {
    return new KeySharding(id.toString(), id::apply, Layout.EXTENSION, Layout.TEMP_DIR, Layout.HIDDEN_MARK);
  }

  /** Go's {@code WriteReadme}: only for the default shard function, read-only (0444). */
  public static void writeReadme(Storage storage, String dir, ShardId id) throws DatastoreException {
    if (!id.toString().equals(ShardId.DEFAULT.toString())) {
      return;
    }
    try (WritableFile f = storage.create(StoragePaths.join(dir, Layout.README_FN), CreateMode.TRUNCATE, FileAccess.READ_ONLY)) {
      f.write(Readme.TEXT.getBytes(StandardCharsets.UTF_8));
    } catch (StorageException e) {
      throw io(storage, e);
    }
  }

  /** Go's {@code DirIsEmpty}: reads one name. */
  public static boolean dirIsEmpty(Storage storage, String dir) throws DatastoreException {
    try (DirectoryListing l = storage.list(dir)) {
      return l.next() == null;
    } catch (StorageException e) {
      throw io(storage, e);
    }
  }

  static DatastoreIOException io(Storage storage, StorageException e) {
    return new DatastoreIOException(e.getMessage(), e);
  }
}
