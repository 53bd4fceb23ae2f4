package org.jds.blobfs.datastore;

import java.nio.file.Path;
import org.jds.blobfs.blobstore.Blobstore;
import org.jds.datastore.Batch;
import org.jds.datastore.Batching;
import org.jds.datastore.DatastoreException;
import org.jds.datastore.DatastoreIOException;
import org.jds.datastore.ForwardingDatastore;
import org.jds.datastore.PersistentDatastore;
import org.jds.flatfs.FlatfsDatastore;
import org.jds.flatfs.FlatfsException;
import org.jds.flatfs.FlatfsOptions;
import org.jds.flatfs.Layout;
import org.jds.flatfs.ShardId;
import org.jds.flatfs.storage.StorageException;

/**
 * A flatfs datastore whose root is the root of a blobfs image ({@code blobfs:IMG}): flatfs's own
 * code on {@link BlobfsStorage}, so keys, errors, queries and SHARDING behave exactly as flatfs.
 * Only {@link #diskUsage()} differs: it is the image's exact allocation (clusters and md pages in
 * use), not flatfs's sum of file sizes. Closing it closes the image.
 */
public final class BlobfsDatastore extends ForwardingDatastore implements Batching, PersistentDatastore {
  private final FlatfsDatastore flatfs;
  private final BlobfsStorage storage;

  private BlobfsDatastore(FlatfsDatastore flatfs, BlobfsStorage storage) {
    this.flatfs = flatfs;
    this.storage = storage;
  }

  /**
   * Opens {@code img} (made by {@code jds blobfs mkfs} or {@link BlobfsImage#create}) as a datastore.
   * An image without SHARDING becomes a datastore with {@code shard} (default next-to-last/2); an
   * image with another SHARDING than an explicit {@code shard} fails with flatfs's mismatch error.
   *
   * @param shard the shard function, or null to accept the image's (or the default for a new one)
   */
  public static BlobfsDatastore open(Path img, ShardId shard, boolean sync) throws DatastoreException {
    BlobfsStorage s;
    try {
      s = BlobfsImage.open(img, sync);
    } catch (StorageException e) {
      throw new DatastoreIOException(e.getMessage(), e);
    }
    return on(s, shard, FlatfsOptions.defaults(sync));
  }

  /**
   * Opens {@code img} for reading only ({@link BlobfsImage#openReadOnly}, {@link
   * FlatfsDatastore#openReadOnly}): nothing in the image changes, and it works on a read-only or
   * immutable file. The image must already be a datastore (hold SHARDING).
   *
   * @throws DatastoreException flatfs's {@code SHARDING_FILE_MISSING} for an image that is not
   *     (yet) a datastore, or a {@link DatastoreIOException} (missing image, in use by a writer)
   */
  public static BlobfsDatastore openReadOnly(Path img) throws DatastoreException {
    BlobfsStorage s;
    try {
      s = BlobfsImage.openReadOnly(img);
    } catch (StorageException e) {
      throw new DatastoreIOException(e.getMessage(), e);
    }
    try {
      return new BlobfsDatastore(FlatfsDatastore.openReadOnly(s, "", FlatfsOptions.defaults(false)), s);
    } catch (DatastoreException | RuntimeException e) {
      closeQuietly(s);
      throw e;
    }
  }

  /** A datastore at the root of an open storage; the datastore owns it from here on. */
  public static BlobfsDatastore on(BlobfsStorage s, ShardId shard, FlatfsOptions options) throws DatastoreException {
    try {
      boolean hasSharding = s.exists(Layout.SHARDING_FN);
      if (!hasSharding && !s.foreignNames().isEmpty()) {
        // Files no flatfs path maps to (e.g. "name" without a leading '/') still make the image
        // non-empty, as any entry makes a flatfs directory non-empty.
        throw new FlatfsException(FlatfsException.Reason.NOT_A_DATASTORE,
            "directory missing " + Layout.SHARDING_FN + " file: " + s.describe(""));
      }
      FlatfsDatastore ds = shard == null && hasSharding
          ? FlatfsDatastore.open(s, "", options)
          : FlatfsDatastore.createOrOpen(s, "", shard == null ? ShardId.DEFAULT : shard, options);
      return new BlobfsDatastore(ds, s);
    } catch (DatastoreException | StorageException e) {
      closeQuietly(s);
      throw e instanceof DatastoreException de ? de : new DatastoreIOException(e.getMessage(), e);
    }
  }

  private static void closeQuietly(BlobfsStorage s) {
    try {
      s.close();
    } catch (StorageException e) {
      // the original error matters
    }
  }

  public FlatfsDatastore flatfs() {
    return flatfs;
  }

  public BlobfsStorage storage() {
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
   * Bytes the image has allocated: data clusters in use times the cluster size, plus md pages in
   * use times 4096. Exact, from the engine's in-memory masks.
   */
  @Override
  public long diskUsage() throws DatastoreException {
    flatfs.checkOpen();
    return allocatedBytes(storage);
  }

  static long allocatedBytes(BlobfsStorage s) {
    Blobstore bs = s.fileSystem().blobstore();
    long mdClusters = bs.totalClusters() - bs.totalDataClusters();
    long dataClusters = bs.totalClusters() - bs.freeClusters() - mdClusters;
    return dataClusters * bs.clusterSize() + (long) bs.usedMdPages() * Blobstore.PAGE;
  }

  /** Flatfs's own figure (sum of file sizes), kept in diskUsage.cache for export. */
  public long logicalDiskUsage() throws DatastoreException {
    return flatfs.diskUsage();
  }

  /** Closes the datastore (final diskUsage.cache unless read-only), then unloads the image cleanly. */
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
