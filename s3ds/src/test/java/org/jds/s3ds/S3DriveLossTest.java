package org.jds.s3ds;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.jds.datastore.Batch;
import org.jds.datastore.Key;
import org.jds.datastore.query.Query;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** MinIO's erasure coding at work: one of four drives wiped while the store is in use loses no block. */
class S3DriveLossTest {
  @RegisterExtension static final MinioExtension MINIO = new MinioExtension("blocks");

  private static void wipeContents(Path drive) throws IOException {
    try (Stream<Path> all = Files.walk(drive)) {
      for (Path p : (Iterable<Path>) all.sorted(Comparator.reverseOrder())::iterator) {
        if (!p.equals(drive)) {
          Files.delete(p);
        }
      }
    }
  }

  @Test
  void everyBlockIsReadAfterADriveIsWiped() throws Exception {
    Random rnd = new Random(15);
    Map<Key, byte[]> blocks = new LinkedHashMap<>();
    try (S3Datastore ds = S3Datastore.open(MINIO.minio().config("blocks").withRootDirectory("ipfs"))) {
      Batch b = ds.batch();
      for (int i = 0; i < 150; i++) {
        byte[] v = new byte[rnd.nextInt(i % 10 == 0 ? 300_000 : 4_000) + 1]; // small blocks and some big ones
        rnd.nextBytes(v);
        Key k = Key.of("/CIQ" + i);
        blocks.put(k, v);
        b.put(k, v);
      }
      b.commit();

      Path drive = MINIO.minio().drive(2);
      try (Stream<Path> s = Files.list(drive)) {
        assertTrue(s.findAny().isPresent(), "drive 2 holds data before the wipe");
      }
      wipeContents(drive);

      for (Map.Entry<Key, byte[]> e : blocks.entrySet()) {
        assertArrayEquals(e.getValue(), ds.get(e.getKey()), "block " + e.getKey());
        assertEquals(e.getValue().length, ds.getSize(e.getKey()));
      }
      assertEquals(blocks.size(), ds.query(Query.builder().keysOnly(true).build()).rest().size());
      // the store keeps working: writes after the loss are read back too
      for (int i = 0; i < 20; i++) {
        byte[] v = new byte[1000 + i];
        rnd.nextBytes(v);
        Key k = Key.of("/CIQafter" + i);
        ds.put(k, v);
        assertArrayEquals(v, ds.get(k));
      }
    }
  }
}
