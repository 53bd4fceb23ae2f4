package org.jds.blobfs.datastore;

import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.jds.datastore.Key;
import org.jds.datastore.MapDatastore;
import org.jds.datastore.testkit.DatastoreSuite;
import org.jds.datastore.wrap.Mount;
import org.jds.datastore.wrap.MountDatastore;
import org.jds.flatfs.FlatfsOptions;
import org.jds.flatfs.RootDatastore;
import org.jds.flatfs.ShardId;
import org.jds.flatfs.testkit.FlatfsTestBase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole conformance suite on {@code blobfs:IMG} (a datastore at the image root), mounted the
 * way flatfs's Go TestSuite mounts flatfs: {@code /} → MapDatastore, {@code /capital} → the store.
 */
class BlobfsConformanceTest {
  @TempDir Path dir;
  private final List<RootDatastore<BlobfsStorage>> opened = new ArrayList<>();

  private synchronized RootDatastore<BlobfsStorage> store(ShardId fn) throws Exception {
    Path img = dir.resolve(fn.funName() + ".img");
    BlobfsStorage s = BlobfsImage.create(img, 256L << 20, Geometry.DEFAULT, false);
    RootDatastore<BlobfsStorage> ds = RootDatastore.on(s, fn, FlatfsOptions.defaults(false));
    opened.add(ds);
    return ds;
  }

  @TestFactory
  Stream<DynamicNode> suiteOnMount() {
    return FlatfsTestBase.shardFuncs().map(fn -> dynamicContainer(fn.funName(),
        DatastoreSuite.forFactory(() -> new MountDatastore(List.of(
                new Mount(Key.of("/"), new MapDatastore()),
                new Mount(Key.of("/capital"), store(fn)))))
            .tests()));
  }

  @AfterEach
  void closeAll() throws Exception {
    for (RootDatastore<BlobfsStorage> ds : opened) {
      ds.close();
    }
  }
}
