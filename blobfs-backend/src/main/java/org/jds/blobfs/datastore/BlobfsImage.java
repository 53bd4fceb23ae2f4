package org.jds.blobfs.datastore;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jds.blobfs.blobstore.BsOptions;
import org.jds.blobfs.device.BarrierPolicy;
import org.jds.blobfs.device.BlockDevice;
import org.jds.blobfs.device.FileBlockDevice;
import org.jds.blobfs.device.GroupCommitDevice;
import org.jds.blobfs.fs.PureBlobFileSystem;
import org.jds.flatfs.storage.StorageException;

/**
 * Opens and formats blobfs images as {@link BlobfsStorage}. Each open takes a {@link BarrierPolicy}
 * (what the engine's ordering barriers cost); the overloads without one use {@link
 * #DEFAULT_BARRIER_POLICY}.
 */
public final class BlobfsImage {
  /** The io_unit the CLI formats with (SPDK's AIO bdev default for regular files). */
  public static final int BLOCK_SIZE = BlockDevice.SECTOR_SIZE;

  /** Barriers are free; flatfs's sync=true promises are kept by flushes (see the policy). */
  public static final BarrierPolicy DEFAULT_BARRIER_POLICY = BarrierPolicy.PROCESS_CRASH_SAFE;

  private BlobfsImage() {}

  /**
   * Loads an existing blobfs image.
   *
   * @param durableReplace flush a rename-over's commit before deleting the old target (use with
   *     flatfs sync=true)
   * @throws StorageException if it is missing, not a blobstore, or of another bstype
   */
  public static BlobfsStorage open(Path img, boolean durableReplace) throws StorageException {
    return open(img, false, durableReplace, DEFAULT_BARRIER_POLICY);
  }

  /** As {@link #open(Path, boolean)}, with the engine's barriers per {@code policy}. */
  public static BlobfsStorage open(Path img, boolean durableReplace, BarrierPolicy policy) throws StorageException {
    return open(img, false, durableReplace, policy);
  }

  /**
   * Loads an existing blobfs image read-only: the file is opened without write access (and locked
   * shared), a dirty image is recovered in memory only, and every write fails with {@link
   * org.jds.flatfs.storage.ReadOnlyStorageException}. Works on an immutable or read-only file.
   *
   * @throws StorageException if it is missing, not a blobstore, of another bstype, or in use by a
   *     writer ({@link org.jds.flatfs.storage.LockedException})
   */
  public static BlobfsStorage openReadOnly(Path img) throws StorageException {
    return open(img, true, false, DEFAULT_BARRIER_POLICY);
  }

  private static BlobfsStorage open(Path img, boolean readOnly, boolean durableReplace, BarrierPolicy policy)
      throws StorageException {
    if (!Files.isRegularFile(img) && !Files.exists(img)) {
      throw new org.jds.flatfs.storage.NoSuchPathException("open", img.toString());
    }
    BlockDevice dev;
    try {
      dev = FileBlockDevice.open(img, readOnly, BLOCK_SIZE);
    } catch (IOException e) {
      throw BlobfsErrors.map("open", img.toString(), e);
    }
    return open(dev, img.toString(), durableReplace, policy);
  }

  /** Loads the blobfs on {@code dev} (closed on failure); {@code label} names it in messages. */
  public static BlobfsStorage open(BlockDevice dev, String label, boolean durableReplace) throws StorageException {
    return open(dev, label, durableReplace, DEFAULT_BARRIER_POLICY);
  }

  /** As {@link #open(BlockDevice, String, boolean)}, with the engine's barriers per {@code policy}. */
  public static BlobfsStorage open(BlockDevice dev, String label, boolean durableReplace, BarrierPolicy policy)
      throws StorageException {
    GroupCommitDevice gc = new GroupCommitDevice(dev, policy);
    try {
      PureBlobFileSystem fs = forKeys(PureBlobFileSystem.load(gc));
      try {
        return new BlobfsStorage(fs, gc, label, durableReplace);
      } catch (StorageException e) {
        fs.close();
        throw e;
      }
    } catch (IOException e) {
      closeQuietly(gc); // idempotent: the engine may have closed it already
      throw BlobfsErrors.map("open", label, e);
    }
  }

  /** Formats {@code img} (created sparse, or grown to {@code size}) as an empty blobfs and opens it. */
  public static BlobfsStorage create(Path img, long size, Geometry g, boolean durableReplace) throws StorageException {
    return create(img, size, g, durableReplace, DEFAULT_BARRIER_POLICY);
  }

  /**
   * As {@link #create(Path, long, Geometry, boolean)}: mkfs runs {@link
   * BarrierPolicy#POWER_LOSS_SAFE}, then the engine's barriers follow {@code policy}.
   */
  public static BlobfsStorage create(Path img, long size, Geometry g, boolean durableReplace, BarrierPolicy policy)
      throws StorageException {
    GroupCommitDevice gc = null;
    try {
      gc = new GroupCommitDevice(FileBlockDevice.create(img, size, BLOCK_SIZE), BarrierPolicy.POWER_LOSS_SAFE);
      BsOptions o = new BsOptions().clusterSize(g.clusterSize()).numMdPages(g.mdPagesFor(size))
          .maxSize(Geometry.defaultMaxSize(gc.size()));
      PureBlobFileSystem fs = forKeys(PureBlobFileSystem.mkfs(gc, o));
      gc.policy(policy);
      return new BlobfsStorage(fs, gc, img.toString(), durableReplace);
    } catch (IOException e) {
      closeQuietly(gc);
      throw BlobfsErrors.map("mkfs", img.toString(), e);
    }
  }

  /**
   * The open option of a datastore's file system: keys are small files, so their blobs record
   * clusters inline, one md page each instead of two (measured: open of 100k keys 865 -> 669 ms;
   * see the README's benchmark).
   */
  private static PureBlobFileSystem forKeys(PureBlobFileSystem fs) {
    fs.useExtentTables(false);
    return fs;
  }

  private static void closeQuietly(BlockDevice dev) {
    if (dev != null) {
      try {
        dev.close();
      } catch (IOException e) {
        // the original error matters
      }
    }
  }
}
