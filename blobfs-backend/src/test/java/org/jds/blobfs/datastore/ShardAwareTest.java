package org.jds.blobfs.datastore;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.jds.datastore.Key;
import org.jds.flatfs.RootDatastore;
import org.jds.flatfs.ShardId;
import org.jds.flatfs.ShardingFile;
import org.jds.flatfs.storage.KeySharding;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The storage learns a store's sharding only from flatfs ({@code ShardAware}), never by reading SHARDING itself. */
class ShardAwareTest {
  @TempDir Path dir;

  @Test
  void keyFilesMoveIntoTheirShardDirectoryWhenFlatfsTellsTheSharding() throws Exception {
    Path img = dir.resolve("img");
    BlobfsImage.create(img, 64L << 20, Geometry.DEFAULT, false).close();
    try (RootDatastore<BlobfsStorage> ds = DatastoreImages.open(img, ShardId.DEFAULT, false)) {
      ds.put(Key.of("/QUUX"), "v".getBytes(UTF_8));
    }
    try (BlobfsStorage s = BlobfsImage.open(img, false)) {
      // Not told yet: the flat name /QUUX.data reads as a file at the root.
      assertTrue(s.exists("QUUX.data"));
      assertFalse(s.exists("UU"));
      KeySharding nextToLast2 = ShardingFile.keySharding(ShardId.DEFAULT);
      s.shardingRead("", nextToLast2);
      assertArrayEquals("v".getBytes(UTF_8), s.readAll("UU/QUUX.data"));
      assertFalse(s.exists("QUUX.data"));
      assertTrue(s.fileSystem().list().contains("/QUUX.data"), "re-reading renames nothing");
      // Told it is no store any more: the path stays, the blob is renamed to the literal form.
      s.shardingWritten("", null);
      assertArrayEquals("v".getBytes(UTF_8), s.readAll("UU/QUUX.data"));
      assertTrue(s.fileSystem().list().contains("/UU%2FQUUX.data"), s.fileSystem().list().toString());
      // And a store again: flat once more, same path.
      s.shardingWritten("", nextToLast2);
      assertArrayEquals("v".getBytes(UTF_8), s.readAll("UU/QUUX.data"));
      assertTrue(s.fileSystem().list().contains("/QUUX.data"), s.fileSystem().list().toString());
    }
    try (RootDatastore<BlobfsStorage> ds = DatastoreImages.open(img, null, false)) {
      assertEquals("v", new String(ds.get(Key.of("/QUUX")), UTF_8));
    }
  }
}
