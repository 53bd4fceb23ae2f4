package org.jds.node.daemon;

import java.util.ArrayList;
import java.util.List;
import org.jds.blobfs.blobstore.Blobstore;
import org.jds.node.plugin.builtin.BlobfsPlugin;
import org.jds.datastore.Datastore;
import org.jds.datastore.wrap.InterceptingDatastore;
import org.jds.datastore.wrap.Mount;
import org.jds.datastore.wrap.MountDatastore;

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
    collect("/", ds, out);
    return out;
  }

  private static void collect(String at, Datastore ds, List<Image> out) {
    if (ds instanceof MountDatastore m) {
      for (Mount mt : m.mounts()) collect(mt.prefix().toString(), mt.datastore(), out);
    } else if (ds instanceof InterceptingDatastore w) {
      collect(at, w.child(), out);
    } else if (BlobfsPlugin.storageOf(ds) != null) {
      out.add(new Image(at, BlobfsPlugin.storageOf(ds).fileSystem().blobstore()));
    }
  }
}
