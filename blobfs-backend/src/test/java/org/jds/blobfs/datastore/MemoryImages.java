package org.jds.blobfs.datastore;

import java.io.IOException;
import org.jds.blobfs.blobstore.BsOptions;
import org.jds.blobfs.device.BlockDevice;
import org.jds.blobfs.fs.PureBlobFileSystem;

/** Formats blobfs datastore images on in-memory devices, as {@link BlobfsImage#create} does on files. */
final class MemoryImages {
  private MemoryImages() {}

  /** mkfs with {@link Geometry#DEFAULT} and a clean unload: the device holds an empty image. */
  static <D extends BlockDevice> D format(D dev) throws IOException {
    Geometry g = Geometry.DEFAULT;
    BsOptions o = new BsOptions().clusterSize(g.clusterSize()).numMdPages(g.mdPagesFor(dev.size()))
        .maxSize(Geometry.defaultMaxSize(dev.size()));
    PureBlobFileSystem.mkfs(dev, o).close();
    return dev;
  }
}
