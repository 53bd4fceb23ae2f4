package org.jds.blobfs.datastore;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.jds.flatfs.storage.Storage;
import org.jds.flatfs.testkit.StorageFactories;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Guards the surefire wiring: the flatfs test classes scanned into this module run on blobfs. */
class FactoryWiringTest {
  @TempDir Path dir;

  @Test
  void flatfsTestsUseBlobfsStorage() throws Exception {
    assertInstanceOf(BlobfsStorageFactory.class, StorageFactories.current());
    try (Storage s = StorageFactories.current().open(dir)) {
      assertInstanceOf(BlobfsStorage.class, s);
    }
    assertTrue(Files.isRegularFile(dir.resolve("image.blobfs")));
  }
}
