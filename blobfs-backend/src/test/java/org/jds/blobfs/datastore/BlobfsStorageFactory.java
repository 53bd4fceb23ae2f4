package org.jds.blobfs.datastore;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jds.flatfs.storage.Storage;
import org.jds.flatfs.testkit.StorageFactory;

/**
 * Runs the flatfs behaviour tests on blobfs: each host directory holds one sparse image. Named by
 * the system property {@code jds.flatfs.storageFactory} in this module's surefire configuration.
 */
public final class BlobfsStorageFactory implements StorageFactory {
  /**
   * Sparse, so only what the tests write takes space. 2 GiB: md pages for 131,072 files (one per
   * 16 KiB), room for flatfs's 100,000-key query test.
   */
  static final long IMAGE_SIZE = 2L << 30;

  @Override
  public Storage open(Path hostDir) throws IOException {
    Files.createDirectories(hostDir);
    Path img = hostDir.resolve("image.blobfs");
    return Files.exists(img)
        ? BlobfsImage.open(img, true)
        : BlobfsImage.create(img, IMAGE_SIZE, Geometry.DEFAULT, true);
  }

  /**
   * blobfs limits the whole name to 255 bytes: "/" + KEY + ".data" at the root, "/" + dir + "/" +
   * KEY + ".data" below it with every '/' after the first written as "%2F" (BlobfsNames).
   */
  @Override
  public int maxKeyLength(String dsPath) {
    int dir = dsPath.isEmpty() ? 0 : BlobfsNames.fileName(dsPath + "/x", d -> null).length() - "/x".length(); // dir + "%2F"
    return 255 - 1 - dir - ".data".length();
  }

  @Override
  public String name() {
    return "blobfs";
  }
}
