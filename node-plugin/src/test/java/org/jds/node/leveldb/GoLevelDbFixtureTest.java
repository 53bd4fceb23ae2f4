package org.jds.node.leveldb;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.iq80.leveldb.CompressionType;
import org.jds.datastore.Key;
import org.jds.datastore.query.Entry;
import org.jds.datastore.query.Query;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Directories written by go-ds-leveldb v0.5.2 (goleveldb: {@code .ldb} tables, a journal, two
 * sessions, a delete in each; uncompressed and Snappy). Regenerate with
 * {@code src/test/go/goleveldb-fixture} ({@code go run . DIR none|snappy}).
 */
class GoLevelDbFixtureTest {
  @TempDir Path tmp;

  private Path copy(String name) throws IOException {
    Path src = Path.of("src/test/resources/goleveldb", name);
    Path dst = tmp.resolve(name);
    Files.createDirectories(dst);
    try (Stream<Path> s = Files.list(src)) {
      for (Path f : (Iterable<Path>) s::iterator) {
        Files.copy(f, dst.resolve(f.getFileName()));
      }
    }
    return dst;
  }

  private static String expected(int round, int i) {
    return String.format("value-%d-%d-%0200d", round, i, i);
  }

  @ParameterizedTest
  @ValueSource(strings = {"none", "snappy"})
  void readsWhatGoWrote(String name) throws Exception {
    Path dir = copy(name);
    try (LevelDbDatastore ds = LevelDbDatastore.open(dir, CompressionType.NONE)) {
      for (int round = 0; round < 2; round++) {
        for (int i = 0; i < 300; i++) {
          Key k = Key.of(String.format("/r%d/key%04d", round, i));
          if (i == 7) {
            assertFalse(ds.has(k), k + " was deleted");
          } else {
            assertArrayEquals(expected(round, i).getBytes(StandardCharsets.UTF_8), ds.get(k), k.toString());
          }
        }
      }
      assertArrayEquals("root".getBytes(StandardCharsets.UTF_8), ds.get(Key.of("/local/filesroot")));
      List<Entry> r1 = ds.query(Query.builder().prefix("/r1").build()).rest();
      assertEquals(299, r1.size());
      assertEquals("/r1/key0000", r1.get(0).key());
      assertEquals(599, ds.query(Query.builder().keysOnly(true).build()).rest().size());
      ds.put(Key.of("/java/wrote"), new byte[] {1, 2, 3});
    }
    try (LevelDbDatastore ds = LevelDbDatastore.open(dir, CompressionType.SNAPPY)) {
      assertArrayEquals(new byte[] {1, 2, 3}, ds.get(Key.of("/java/wrote")));
      assertArrayEquals(expected(1, 299).getBytes(StandardCharsets.UTF_8), ds.get(Key.of("/r1/key0299")));
    }
  }
}
