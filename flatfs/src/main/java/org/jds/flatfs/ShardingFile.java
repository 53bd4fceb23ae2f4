package org.jds.flatfs;

import java.nio.charset.StandardCharsets;
import org.jds.datastore.DatastoreException;
import org.jds.datastore.DatastoreIOException;
import org.jds.flatfs.storage.CreateMode;
import org.jds.flatfs.storage.DirectoryListing;
import org.jds.flatfs.storage.FileAccess;
import org.jds.flatfs.storage.NoSuchPathException;
import org.jds.flatfs.storage.Storage;
import org.jds.flatfs.storage.StorageException;
import org.jds.flatfs.storage.StoragePaths;
import org.jds.flatfs.storage.WritableFile;

/** Reads and writes {@code SHARDING} and {@code _README} (Go's shard.go file helpers). */
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
    return ShardId.parse(new String(buf, StandardCharsets.UTF_8));
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
