package org.jds.blobfs.blobstore;

import java.io.IOException;
import java.nio.file.Path;
import java.util.BitSet;
import org.jds.blobfs.InvalidArgumentException;
import org.jds.blobfs.BlobfsNoSpaceException;
import org.jds.blobfs.device.FileBlockDevice;

/**
 * Offline {@code spdk_bs_grow} on an image file: init reserved room for the cluster mask to grow
 * (§2.2: {@code max(mask_pages(M), mask_pages(T))} pages), so the store can take up to {@link
 * #maxSize} bytes. Grow extends the file (sparse), rewrites the cluster mask with the new length
 * (§3.1: the only mask grow writes) and then the super block with the new size, clean=1.
 */
public final class Grow {
  private Grow() {}

  /** The largest size the store can grow to: the reserved cluster-mask room in clusters. */
  public static long maxSize(SuperBlock sb) {
    long pages = (long) sb.blobidMaskStart - sb.clusterMaskStart;
    return (pages * Blobstore.PAGE - BitMask.OFF_BITS) * 8 * sb.clusterSize;
  }

  /**
   * Grows the store in {@code img} to {@code newSize} bytes (rounded down to whole clusters). A dirty
   * image is recovered and cleanly unloaded first.
   *
   * @return the new number of clusters
   */
  public static long grow(Path img, long newSize, int blockSize) throws IOException {
    Blobstore.load(FileBlockDevice.open(img, false, blockSize), null).close(); // recover, clean unload
    try (FileBlockDevice dev = FileBlockDevice.open(img, false, blockSize)) {
      SuperBlock sb = SuperBlock.read(dev, null);
      long oldT = sb.totalClusters(dev.size());
      long newT = newSize / sb.clusterSize;
      if (newT < oldT) {
        throw new InvalidArgumentException("cannot shrink a blobstore: " + newSize + " < " + oldT * sb.clusterSize + " bytes");
      }
      if (newT * sb.clusterSize > maxSize(sb)) {
        throw new BlobfsNoSpaceException("this blobstore can grow to at most " + maxSize(sb) + " bytes, the room its cluster mask"
            + " got when it was formatted; to grow further, make a new image with room for it (jds blobfs mkfs --max-size"
            + " SIZE) and copy the data over");
      }
      BitSet used = BitMask.read(dev, BitMask.Kind.USED_CLUSTERS, sb, oldT);
      long bytes = newT * sb.clusterSize;
      dev.growFile(bytes); // on the locked device: a second open would be refused

      sb.clusterMaskLen = BitMask.pagesFor(newT); // in memory: the super on disk changes last
      BitMask.write(dev, BitMask.Kind.USED_CLUSTERS, sb, used, newT);
      dev.flush(); // the mask before the super that makes it count
      sb.size = bytes;
      sb.clean = true;
      sb.write(dev);
      dev.flush();
      return newT;
    }
  }
}
