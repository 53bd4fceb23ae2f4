package org.jds.blobfs.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import org.jds.blobfs.datastore.BlobfsImage;
import org.jds.blobfs.datastore.DatastoreImages;
import org.jds.blobfs.datastore.Geometry;
import org.jds.datastore.Batching;
import org.jds.flatfs.FlatfsDatastore;
import org.jds.flatfs.RootDatastore;
import org.jds.flatfs.ShardId;
import org.jds.flatfs.storage.LocalStorage;

/** The two contenders, each made fresh in its own directory and reopenable. */
interface Stores {
  String name();

  /** A new empty store in {@code dir}. */
  Batching create(Path dir, boolean sync) throws Exception;

  /** Reopens the store made in {@code dir}. */
  Batching open(Path dir, boolean sync) throws Exception;

  Stores FLATFS = new Stores() {
    @Override
    public String name() {
      return "flatfs(local)";
    }

    @Override
    public Batching create(Path dir, boolean sync) throws Exception {
      Files.createDirectories(dir);
      return FlatfsDatastore.createOrOpen(new LocalStorage(dir), "ds", ShardId.DEFAULT, sync);
    }

    @Override
    public Batching open(Path dir, boolean sync) throws Exception {
      return FlatfsDatastore.open(new LocalStorage(dir), "ds", sync);
    }
  };

  /** Sparse images: the size only bounds what a run may write. */
  static Stores blobfs(Geometry g, long imageSize) {
    return new Stores() {
      @Override
      public String name() {
        return "blobfs(" + (g.clusterSize() >= 1 << 20 ? g.clusterSize() / (1 << 20) + "M" : g.clusterSize() / 1024 + "K") + ")";
      }

      @Override
      public Batching create(Path dir, boolean sync) throws Exception {
        Files.createDirectories(dir);
        return RootDatastore.on(BlobfsImage.create(dir.resolve("img"), imageSize, g, sync), ShardId.DEFAULT,
            org.jds.flatfs.FlatfsOptions.defaults(sync));
      }

      @Override
      public Batching open(Path dir, boolean sync) throws Exception {
        return DatastoreImages.open(dir.resolve("img"), null, sync);
      }
    };
  }
}
