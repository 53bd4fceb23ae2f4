package org.jds.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.iq80.leveldb.CompressionType;
import org.jds.node.leveldb.LevelDbDatastore;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The levelds plugin's store ({@link LevelDbDatastore}, a pure-Java LevelDB) against the real
 * go-ds-leveldb v0.5.3 on goleveldb, the versions kubo v0.43.1 links: a directory Go wrote opens in
 * Java with the same keys and values, and the reverse, with kubo's {@code compression} settings
 * ({@code none}, as kubo's default config has it, and {@code snappy}, goleveldb's default), each
 * with single writes and one batch. Each side also continues a store the other one wrote.
 */
class LevelDbInteropTest {
  @TempDir Path tmp;

  private static CompressionType java(String compression) {
    return compression.equals("none") ? CompressionType.NONE : CompressionType.SNAPPY;
  }

  private static String[] goWrite(Path dir, String compression, boolean batch) {
    return batch
        ? new String[] {"leveldb-write", dir.toString(), "--compression", compression, "--batch"}
        : new String[] {"leveldb-write", dir.toString(), "--compression", compression};
  }

  private static String javaListing(Path dir) throws Exception {
    try (LevelDbDatastore ds = LevelDbDatastore.open(dir, CompressionType.NONE)) {
      return Manifest.listing(JavaFlatfs.readAll(ds));
    }
  }

  @ParameterizedTest(name = "{0} batch={1}")
  @CsvSource({"none,false", "none,true", "snappy,false", "snappy,true"})
  void goWritesJavaReads(String compression, boolean batch) throws Exception {
    Manifest m = Entries.levelDb(batch);
    Path dir = tmp.resolve("go");
    GoHarness.get().run(m.toBytes(), goWrite(dir, compression, batch)).ok();
    assertEquals(m.expectedListing(), javaListing(dir));
    // Go reads it the same after Java had it open.
    assertEquals(m.expectedListing(), GoHarness.get().run("leveldb-read", dir.toString()).ok().out());
  }

  @ParameterizedTest(name = "{0} batch={1}")
  @CsvSource({"none,false", "none,true", "snappy,false", "snappy,true"})
  void javaWritesGoReads(String compression, boolean batch) throws Exception {
    Manifest m = Entries.levelDb(batch);
    Path dir = tmp.resolve("java");
    try (LevelDbDatastore ds = LevelDbDatastore.open(dir, java(compression))) {
      m.applyTo(ds, batch);
    }
    assertEquals(m.expectedListing(), GoHarness.get().run("leveldb-read", dir.toString()).ok().out());
    assertEquals(m.expectedListing(), javaListing(dir));
  }

  /** Go writes, Java overwrites and deletes on top, Go adds more: both read the combined state. */
  @ParameterizedTest(name = "{0}")
  @CsvSource({"none", "snappy"})
  void eachContinuesTheOthersStore(String compression) throws Exception {
    GoHarness go = GoHarness.get();
    Path dir = tmp.resolve("mixed");
    Manifest all = new Manifest();
    Manifest first = Entries.levelDb(false);
    go.run(first.toBytes(), goWrite(dir, compression, false)).ok();
    Manifest second = new Manifest();
    for (int i = 0; i < 3000; i += 3) {
      second.putGen(String.format("/pins/pin/K%05d", i), 33, 7000 + i);
    }
    second.delete("/big/0").delete("/local/filesroot").putGen("/java/big", Entries.MIB, 4242);
    try (LevelDbDatastore ds = LevelDbDatastore.open(dir, java(compression))) {
      second.applyTo(ds, true);
    }
    Manifest third = new Manifest().delete("/java/big").putGen("/go/again", 100, 1).delete("/pins/pin/K00003");
    go.run(third.toBytes(), goWrite(dir, compression, false)).ok();
    for (Manifest part : new Manifest[] {first, second, third}) {
      for (Manifest.Op op : part.ops()) {
        if (op.isDelete()) {
          all.delete(op.key());
        } else {
          all.putHex(op.key(), op.value());
        }
      }
    }
    assertEquals(all.expectedListing(), javaListing(dir));
    assertEquals(all.expectedListing(), go.run("leveldb-read", dir.toString()).ok().out());
  }
}
