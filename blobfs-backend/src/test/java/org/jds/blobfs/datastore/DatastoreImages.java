package org.jds.blobfs.datastore;

import java.nio.file.Path;
import org.jds.datastore.DatastoreException;
import org.jds.flatfs.FlatfsOptions;
import org.jds.flatfs.RootDatastore;
import org.jds.flatfs.ShardId;

/** The tests' {@code blobfs:IMG} datastore: flatfs at the root of an image (node-plugin's BlobfsPlugin in production). */
public final class DatastoreImages {
  private DatastoreImages() {}

  /** As the CLI opens {@code blobfs:IMG}: {@link RootDatastore#on} the loaded image. */
  public static RootDatastore<BlobfsStorage> open(Path img, ShardId shard, boolean sync) throws DatastoreException {
    return RootDatastore.open(() -> BlobfsImage.open(img, sync), shard, FlatfsOptions.defaults(sync));
  }
}
