package org.jds.node.plugin.builtin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jds.blobfs.blobstore.Blobstore;
import org.jds.blobfs.blobstore.Grow;
import org.jds.blobfs.datastore.BlobfsImage;
import org.jds.blobfs.datastore.BlobfsStorage;
import org.jds.blobfs.datastore.Geometry;
import org.jds.datastore.Datastore;
import org.jds.datastore.DatastoreException;
import org.jds.datastore.DatastoreIOException;
import org.jds.flatfs.FlatfsOptions;
import org.jds.flatfs.RootDatastore;
import org.jds.flatfs.ShardId;
import org.jds.flatfs.storage.StorageException;
import org.jds.node.plugin.ConfigException;
import org.jds.node.plugin.DatastoreConfig;
import org.jds.node.plugin.DiskSpec;
import org.jds.node.plugin.HumanBytes;
import org.jds.node.plugin.OpenContext;
import org.jds.node.plugin.SpecFields;

/**
 * {@code "type": "blobfs"}: a flatfs datastore inside one SPDK-format blobfs image file.
 *
 * <ul>
 *   <li>{@code path} (required): the image file, relative to the repo;
 *   <li>{@code size} (optional, e.g. {@code "10GB"}): the image size; absent, {@code StorageMax};
 *   <li>{@code clusterSize} (optional, bytes, default 4096): used when the image is created;
 *   <li>{@code shardFunc} (optional, default next-to-last/2), {@code sync} (optional, default false).
 * </ul>
 *
 * <p>The image is created (sparse) on first open. When the configured size exceeds the image's,
 * open grows it first (offline {@code spdk_bs_grow}, up to the room reserved at creation; beyond
 * that open fails and says so). Disk spec: type, path, shardFunc (the size grows; the cluster size
 * only matters at creation).
 */
public final class BlobfsPlugin extends PathPlugin {
  public static final String TYPE = "blobfs";

  public BlobfsPlugin() {
    super(TYPE);
  }

  /**
   * Opens the image {@code img} as a datastore at its root ({@link RootDatastore#on}); {@code sync}
   * also makes a rename over an existing key durable before the old value goes.
   *
   * @param shard the shard function, or null to accept the image's (or the default for a new one)
   * @throws DatastoreException as {@link RootDatastore#on}; a {@link DatastoreIOException} if the
   *     image cannot be opened
   */
  public static RootDatastore<BlobfsStorage> open(Path img, ShardId shard, boolean sync) throws DatastoreException {
    return RootDatastore.open(() -> BlobfsImage.open(img, sync), shard, FlatfsOptions.defaults(sync));
  }

  /**
   * Opens the image {@code img} for reading only ({@link BlobfsImage#openReadOnly}, {@link
   * RootDatastore#openReadOnly}): nothing in the image changes, and it works on a read-only or
   * immutable file. The image must already be a datastore (hold SHARDING).
   *
   * @throws DatastoreException flatfs's {@code SHARDING_FILE_MISSING} for an image that is not
   *     (yet) a datastore, or a {@link DatastoreIOException} (missing image, in use by a writer)
   */
  public static RootDatastore<BlobfsStorage> openReadOnly(Path img) throws DatastoreException {
    return RootDatastore.openReadOnly(() -> BlobfsImage.openReadOnly(img));
  }

  /** The blobfs storage under {@code ds} if it is a blobfs datastore, else null. */
  public static BlobfsStorage storageOf(Datastore ds) {
    return ds instanceof RootDatastore<?> r && r.storage() instanceof BlobfsStorage s ? s : null;
  }

  @Override
  DatastoreConfig parse(String path, ObjectNode params) throws ConfigException {
    String size = SpecFields.optString(params, "size", null);
    Long bytes = size == null ? null : HumanBytes.parse(size);
    JsonNode cs = SpecFields.optional(params, "clusterSize");
    int clusterSize = Geometry.DEFAULT.clusterSize();
    if (cs != null) {
      if (!cs.canConvertToInt() || cs.intValue() < Blobstore.PAGE || cs.intValue() % Blobstore.PAGE != 0) {
        throw new ConfigException("'clusterSize' must be a multiple of " + Blobstore.PAGE + ": " + cs);
      }
      clusterSize = cs.intValue();
    }
    ShardId shard = FlatfsPlugin.shardFunc(SpecFields.optString(params, "shardFunc", ShardId.DEFAULT.toString()));
    JsonNode sync = params.get("sync");
    if (sync != null && !sync.isBoolean()) {
      throw new ConfigException("'sync' field is not boolean");
    }
    return new Config(path, bytes, clusterSize, shard, sync != null && sync.booleanValue());
  }

  /** The parsed spec; {@code size} null means StorageMax. */
  public record Config(String path, Long size, int clusterSize, ShardId shard, boolean sync) implements DatastoreConfig {
    @Override
    public DiskSpec diskSpec() {
      return DiskSpec.of(TYPE, "path", path, "shardFunc", shard.toString());
    }

    /** The size the image should have under {@code ctx}. */
    public long targetSize(OpenContext ctx) {
      return size != null ? size : ctx.storageMax();
    }

    @Override
    public Datastore create(OpenContext ctx) throws DatastoreException {
      Path img = ctx.resolve(path);
      long target = targetSize(ctx);
      try {
        BlobfsStorage s;
        if (!Files.exists(img)) {
          s = BlobfsImage.create(img, target, new Geometry(clusterSize, Geometry.DEFAULT.bytesPerFile()), sync);
        } else {
          s = BlobfsImage.open(img, sync);
          if (target / s.fileSystem().clusterSize() > s.fileSystem().totalClusters()) {
            s.close();
            grow(img, target);
            s = BlobfsImage.open(img, sync);
          }
        }
        return RootDatastore.on(s, shard, FlatfsOptions.defaults(sync));
      } catch (StorageException e) {
        throw new DatastoreIOException(e.getMessage(), e);
      }
    }

    private static void grow(Path img, long target) throws DatastoreException {
      try {
        Grow.grow(img, target, BlobfsImage.BLOCK_SIZE);
      } catch (IOException e) {
        throw new DatastoreIOException("growing blobfs image " + img + " to " + target + " bytes: " + e.getMessage()
            + " (lower the size or StorageMax, or re-create the repo larger)", e);
      }
    }
  }
}
