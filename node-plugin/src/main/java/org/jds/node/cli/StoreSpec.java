package org.jds.node.cli;

import java.nio.file.Path;
import org.jds.datastore.Datastore;
import org.jds.datastore.DatastoreException;
import org.jds.flatfs.FlatfsDatastore;
import org.jds.flatfs.FlatfsException;
import org.jds.flatfs.FlatfsOptions;
import org.jds.flatfs.Layout;
import org.jds.flatfs.RootDatastore;
import org.jds.flatfs.ShardId;
import org.jds.node.plugin.builtin.BlobfsPlugin;

/**
 * A {@code --store} argument, {@code KIND:LOCATION}: {@code flatfs:DIR} or {@code blobfs:IMG}. New
 * kinds add a constant and a case in {@link #open}.
 */
public record StoreSpec(String kind, String location) {
  public static final String FLATFS = "flatfs";
  public static final String BLOBFS = "blobfs";

  /** Parses {@code KIND:LOCATION}. */
  public static StoreSpec parse(String spec) throws BadInputException {
    int colon = spec.indexOf(':');
    if (colon <= 0 || colon == spec.length() - 1) {
      throw new BadInputException("invalid --store '" + spec + "': expected KIND:LOCATION, e.g. flatfs:DIR");
    }
    String kind = spec.substring(0, colon);
    if (!kind.equals(FLATFS) && !kind.equals(BLOBFS)) {
      throw new BadInputException("unknown store kind '" + kind + "' in --store (known: " + FLATFS + ", " + BLOBFS + ")");
    }
    return new StoreSpec(kind, spec.substring(colon + 1));
  }

  /** Opens the existing store. */
  public Datastore open(boolean sync) throws BadInputException, DatastoreException {
    return open(sync, null, false);
  }

  /**
   * Opens the store. A blobfs image (made by {@code jds blobfs mkfs}) becomes a datastore on first
   * use, with {@code shard} or next-to-last/2; an explicit {@code shard} that differs from the
   * store's gives flatfs's mismatch error.
   *
   * @param create whether a missing flatfs directory is created (export targets)
   */
  public Datastore open(boolean sync, ShardId shard, boolean create) throws BadInputException, DatastoreException {
    try {
      return openUnexplained(sync, shard, create);
    } catch (FlatfsException e) {
      throw explain(e);
    }
  }

  private Datastore openUnexplained(boolean sync, ShardId shard, boolean create) throws BadInputException, DatastoreException {
    if (kind.equals(BLOBFS)) {
      return BlobfsPlugin.open(Path.of(location), shard, sync);
    }
    LocalDirs dirs = LocalDirs.of(location);
    String dir = dirs.paths().get(0);
    if (create || shard != null) {
      return FlatfsDatastore.createOrOpen(dirs.storage(), dir, shard == null ? ShardId.DEFAULT : shard, sync);
    }
    return FlatfsDatastore.open(dirs.storage(), dir, sync);
  }

  /**
   * Opens the existing store for reading only: nothing in it changes, a read-only directory or an
   * immutable image works, and a flatfs reader runs beside a writer. Two cases open it writable
   * instead, as {@link #open(boolean, ShardId, boolean)}: an explicit {@code shard} (the caller
   * wants it checked, or the store made with it), and a blobfs image that is not a datastore yet
   * (its first use writes SHARDING).
   */
  public Datastore openForRead(boolean sync, ShardId shard) throws BadInputException, DatastoreException {
    try {
      return openForReadUnexplained(sync, shard);
    } catch (FlatfsException e) {
      throw explain(e);
    }
  }

  private Datastore openForReadUnexplained(boolean sync, ShardId shard) throws BadInputException, DatastoreException {
    if (shard != null) {
      return open(sync, shard, false);
    }
    if (kind.equals(BLOBFS)) {
      try {
        return BlobfsPlugin.openReadOnly(Path.of(location));
      } catch (FlatfsException e) {
        if (e.reason() != FlatfsException.Reason.SHARDING_FILE_MISSING) {
          throw e;
        }
      }
      return open(sync, null, false);
    }
    LocalDirs dirs = LocalDirs.of(location);
    return FlatfsDatastore.openReadOnly(dirs.storage(), dirs.paths().get(0), FlatfsOptions.defaults(sync));
  }

  /**
   * flatfs's open errors carry Go's text, which names no path: add the directory or SHARDING file
   * and what to do about it.
   */
  private FlatfsException explain(FlatfsException e) {
    String sharding = kind.equals(BLOBFS) ? location + ":/" + Layout.SHARDING_FN
        : Path.of(location).resolve(Layout.SHARDING_FN).toString();
    String msg = switch (e.reason()) {
      case DATASTORE_DOES_NOT_EXIST -> e.getMessage() + ": " + location + " (make it with: jds flatfs create "
          + location + " next-to-last/2, or export into it)";
      case SHARDING_FILE_MISSING -> e.getMessage() + ": " + sharding + " is missing (not a flatfs store; a v0 store"
          + " is upgraded with: jds flatfs upgrade " + location + " PREFIXLEN)";
      case BAD_SHARD_ID -> sharding + ": " + e.getMessage() + " (the file must hold one shard function, e.g. "
          + ShardId.DEFAULT + ")";
      default -> null;
    };
    return msg == null ? e : new FlatfsException(e.reason(), msg, e);
  }

  /** The shard function of a flatfs-format store, or null for other kinds. */
  public static ShardId shardOf(Datastore ds) {
    FlatfsDatastore f = flatfsOf(ds);
    return f == null ? null : f.shardId();
  }

  /** The flatfs engine of a flatfs-format store (flatfs or blobfs), or null. */
  static FlatfsDatastore flatfsOf(Datastore ds) {
    if (ds instanceof FlatfsDatastore f) {
      return f;
    }
    return ds instanceof RootDatastore<?> r ? r.flatfs() : null;
  }
}
