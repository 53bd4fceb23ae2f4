package org.jds.node.daemon;

import java.util.ArrayList;
import java.util.List;
import org.jds.blobfs.datastore.BlobfsStorage;
import org.jds.blobfs.fs.BlobFileSystem;
import org.jds.datastore.Datastore;
import org.jds.node.plugin.builtin.BlobfsPlugin;

/** The blobfs images under a repo's datastore tree (through mounts and wrappers), for their space figures. */
public final class BlobfsImages {
  private BlobfsImages() {}

  /** One image: where it is mounted and its file system. */
  public record Image(String mountpoint, BlobFileSystem fileSystem) {
    /** Bytes in clusters in use (metadata included). */
    public long usedBytes() {
      return fileSystem.totalClusters() * fileSystem.clusterSize() - fileSystem.freeBytes();
    }

    /** Bytes in free clusters. */
    public long freeBytes() {
      return fileSystem.freeBytes();
    }
  }

  /** Every blobfs image in {@code ds}'s tree. */
  public static List<Image> find(Datastore ds) {
    List<Image> out = new ArrayList<>();
    for (StoreLeaves.Leaf l : StoreLeaves.of(ds)) {
      BlobfsStorage s = BlobfsPlugin.storageOf(l.store());
      if (s != null) out.add(new Image(l.mountpoint(), s.fileSystem()));
    }
    return out;
  }
}
