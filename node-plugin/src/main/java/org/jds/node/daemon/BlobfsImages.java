package org.jds.node.daemon;

import java.util.ArrayList;
import java.util.List;
import org.jds.blobfs.blobstore.Blobstore;
import org.jds.blobfs.datastore.BlobfsDatastore;
import org.jds.datastore.Datastore;

/** The blobfs images under a repo's datastore tree (through mounts and wrappers), for their space figures. */
public final class BlobfsImages {
  private BlobfsImages() {}

  /** One image: where it is mounted and its blobstore. */
  public record Image(String mountpoint, Blobstore blobstore) {
    /** Bytes in clusters in use (metadata included). */
    public long usedBytes() {
      return (blobstore.totalClusters() - blobstore.freeClusters()) * blobstore.clusterSize();
    }

    /** Bytes in free clusters. */
    public long freeBytes() {
      return blobstore.freeClusters() * blobstore.clusterSize();
    }
  }

  /** Every blobfs image in {@code ds}'s tree. */
  public static List<Image> find(Datastore ds) {
    List<Image> out = new ArrayList<>();
    for (StoreLeaves.Leaf l : StoreLeaves.of(ds)) {
      if (l.store() instanceof BlobfsDatastore b) out.add(new Image(l.mountpoint(), b.storage().fileSystem().blobstore()));
    }
    return out;
  }
}
