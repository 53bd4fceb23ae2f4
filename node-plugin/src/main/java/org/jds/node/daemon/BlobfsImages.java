package org.jds.node.daemon;

import java.util.ArrayList;
import java.util.List;
import org.jds.blobfs.fs.BlobFileSystem;
import org.jds.datastore.Datastore;
import org.jds.datastore.wrap.InterceptingDatastore;
import org.jds.datastore.wrap.Mount;
import org.jds.datastore.wrap.MountDatastore;
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
    collect("/", ds, out);
    return out;
  }

  private static void collect(String at, Datastore ds, List<Image> out) {
    if (ds instanceof MountDatastore m) {
      for (Mount mt : m.mounts()) collect(mt.prefix().toString(), mt.datastore(), out);
    } else if (ds instanceof InterceptingDatastore w) {
      collect(at, w.child(), out);
    } else if (BlobfsPlugin.storageOf(ds) != null) {
      out.add(new Image(at, BlobfsPlugin.storageOf(ds).fileSystem()));
    }
  }
}
