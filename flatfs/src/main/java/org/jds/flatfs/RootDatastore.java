package org.jds.flatfs;

import org.jds.datastore.Batch;
import org.jds.datastore.Batching;
import org.jds.datastore.DatastoreException;
import org.jds.datastore.DatastoreIOException;
import org.jds.datastore.ForwardingDatastore;
import org.jds.datastore.PersistentDatastore;
import org.jds.flatfs.storage.ContainerStorage;
import org.jds.flatfs.storage.Storage;
import org.jds.flatfs.storage.StorageException;

/**
 * A flatfs datastore at the root of a storage it owns (e.g. {@code blobfs:IMG}): flatfs's own code
 * on that storage, so keys, errors, queries and SHARDING behave exactly as flatfs. Only {@link
 * #diskUsage()} differs when the storage is a {@link ContainerStorage}: it is the container's
 * exact allocation, not flatfs's sum of file sizes. Closing it closes the storage.
 *
 * <p>Thread-safety as {@link FlatfsDatastore}.
 *
 * @param <S> the storage type, so callers keep its own methods
 */
public final class RootDatastore<S extends Storage> extends ForwardingDatastore implements Batching, PersistentDatastore {
  private final FlatfsDatastore flatfs;
  private final S storage;

  private RootDatastore(FlatfsDatastore flatfs, S storage) {
    this.flatfs = flatfs;
    this.storage = storage;
  }

  /** Opens the storage a datastore will own. */
  @FunctionalInterface
  public interface Opener<S extends Storage> {
    /**
     * @throws StorageException if the storage cannot be opened
     */
    S open() throws StorageException;
  }

  /**
   * {@link #on} the storage {@code opener} opens.
   *
   * @throws DatastoreIOException if it cannot be opened; otherwise as {@link #on}
   */
  public static <S extends Storage> RootDatastore<S> open(Opener<S> opener, ShardId shard, FlatfsOptions options)
      throws DatastoreException {
    return on(openStorage(opener), shard, options);
  }

  /**
   * A read-only datastore at the root of the storage {@code opener} opens ({@link
   * FlatfsDatastore#openReadOnly}); it owns the storage from here on (closed on failure too). The
   * storage must already be a datastore.
   *
   * @throws DatastoreException flatfs's {@code SHARDING_FILE_MISSING} for a storage that is not
   *     (yet) a datastore, or a {@link DatastoreIOException} (it cannot be opened or read)
   */
  public static <S extends Storage> RootDatastore<S> openReadOnly(Opener<S> opener) throws DatastoreException {
    S s = openStorage(opener);
    try {
      return new RootDatastore<>(FlatfsDatastore.openReadOnly(s, "", FlatfsOptions.defaults(false)), s);
    } catch (DatastoreException | RuntimeException e) {
      closeQuietly(s);
      throw e;
    }
  }

  private static <S extends Storage> S openStorage(Opener<S> opener) throws DatastoreIOException {
    try {
      return opener.open();
    } catch (StorageException e) {
      throw new DatastoreIOException(e.getMessage(), e);
    }
  }

  /**
   * A datastore at the root of the open storage {@code s}; it owns {@code s} from here on (closed
   * on failure too). A storage without SHARDING becomes a datastore with {@code shard} (default
   * next-to-last/2); one with another SHARDING than an explicit {@code shard} fails with flatfs's
   * mismatch error.
   *
   * @param shard the shard function, or null to accept the storage's (or the default for a new one)
   * @throws FlatfsException {@code NOT_A_DATASTORE} if the storage holds anything (also entries no
   *     path maps to, {@link ContainerStorage#hasUnmappedEntries}) but no SHARDING, {@code
   *     SHARD_MISMATCH}, or any other reason of {@link FlatfsDatastore#createOrOpen}
   * @throws DatastoreIOException if the storage fails
   */
  public static <S extends Storage> RootDatastore<S> on(S s, ShardId shard, FlatfsOptions options)
      throws DatastoreException {
    try {
      boolean hasSharding = s.exists(Layout.SHARDING_FN);
      if (!hasSharding && s instanceof ContainerStorage c && c.hasUnmappedEntries()) {
        // Entries no flatfs path maps to still make the storage non-empty, as any entry makes a
        // flatfs directory non-empty.
        throw new FlatfsException(FlatfsException.Reason.NOT_A_DATASTORE,
            "directory missing " + Layout.SHARDING_FN + " file: " + s.describe(""));
      }
      FlatfsDatastore ds = shard == null && hasSharding
          ? FlatfsDatastore.open(s, "", options)
          : FlatfsDatastore.createOrOpen(s, "", shard == null ? ShardId.DEFAULT : shard, options);
      return new RootDatastore<>(ds, s);
    } catch (DatastoreException | StorageException e) {
      closeQuietly(s);
      throw e instanceof DatastoreException de ? de : new DatastoreIOException(e.getMessage(), e);
    }
  }

  private static void closeQuietly(Storage s) {
    try {
      s.close();
    } catch (StorageException e) {
      // the original error matters
    }
  }

  public FlatfsDatastore flatfs() {
    return flatfs;
  }

  public S storage() {
    return storage;
  }

  /** Every datastore call but disk usage and close is flatfs's own. */
  @Override
  protected FlatfsDatastore delegate() {
    return flatfs;
  }

  @Override
  public Batch batch() throws DatastoreException {
    return flatfs.batch();
  }

  /**
   * The container's allocation ({@link ContainerStorage#allocatedBytes}), or flatfs's own figure
   * on any other storage.
   *
   * @throws org.jds.datastore.ClosedException after {@link #close}
   */
  @Override
  public long diskUsage() throws DatastoreException {
    flatfs.checkOpen();
    if (!(storage instanceof ContainerStorage c)) {
      return flatfs.diskUsage();
    }
    try {
      return c.allocatedBytes();
    } catch (StorageException e) {
      throw new DatastoreIOException(e.getMessage(), e);
    }
  }

  /** Flatfs's own figure (sum of file sizes), kept in diskUsage.cache for export. */
  public long logicalDiskUsage() throws DatastoreException {
    return flatfs.diskUsage();
  }

  /** Closes the datastore (final diskUsage.cache unless read-only), then the storage. */
  @Override
  public void close() throws DatastoreException {
    flatfs.close();
    try {
      storage.close();
    } catch (StorageException e) {
      throw new DatastoreIOException(e.getMessage(), e);
    }
  }

  /** True for flatfs's "does not match" error, for callers that explain it. */
  public static boolean isShardMismatch(DatastoreException e) {
    return e instanceof FlatfsException f && f.reason() == FlatfsException.Reason.SHARD_MISMATCH;
  }
}
