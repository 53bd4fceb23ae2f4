package org.jds.blobfs.datastore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.jds.flatfs.ShardId;
import org.jds.flatfs.ShardingFile;
import org.jds.flatfs.storage.KeySharding;
import org.junit.jupiter.api.Test;

/** The path ↔ name mapping: flat key files, literal everything else, the escape, the round trip. */
class BlobfsNamesTest {
  /** A store at the root (next-to-last/2), one at "ds" (prefix/2), one at "p0" (prefix/0). */
  private final Map<String, KeySharding> stores = Map.of("", ShardingFile.keySharding(ShardId.DEFAULT),
      "ds", ShardingFile.keySharding(ShardId.prefix(2)), "p0", ShardingFile.keySharding(ShardId.prefix(0)));
  private final BlobfsNames.Shards shards = stores::get;

  private void roundTrip(String path, String name) {
    assertEquals(name, BlobfsNames.fileName(path, shards), path);
    assertEquals(new BlobfsNames.Parsed(path, false), BlobfsNames.parse(name, shards), name);
  }

  @Test
  void keyFilesAreFlat() {
    roundTrip("UU/QUUX.data", "/QUUX.data");
    roundTrip("ds/QU/QUUX.data", "/ds%2FQUUX.data");
    roundTrip("p0/QUUX.data", "/p0%2FQUUX.data"); // shard "" puts files in the store directory itself
  }

  @Test
  void everythingElseIsLiteral() {
    roundTrip("SHARDING", "/SHARDING");
    roundTrip("diskUsage.cache", "/diskUsage.cache");
    roundTrip(".temp/temp-123", "/.temp%2Ftemp-123");
    roundTrip(".temp/batch-1-2/QUUX.data", "/.temp%2Fbatch-1-2%2FQUUX.data");
    roundTrip("AB/foo.data", "/AB%2Ffoo.data"); // does not shard to AB: a stray file, kept as is
    roundTrip("other/x/y.data", "/other%2Fx%2Fy.data"); // not in a store
  }

  @Test
  void aDataFileInTheStoreRootIsEscaped() {
    roundTrip("ROOT.data", "/%2FROOT.data");
    roundTrip("ds/ROOT.data", "/ds%2F%2FROOT.data");
  }

  @Test
  void directoriesAndForeignNames() {
    assertEquals("/.temp%2F", BlobfsNames.dirName(".temp"));
    assertEquals(new BlobfsNames.Parsed("ds/.temp", true), BlobfsNames.parse("/ds%2F.temp%2F", shards));
    assertTrue(BlobfsNames.isVirtualDir("UU", shards));
    assertTrue(BlobfsNames.isVirtualDir("ds/QU", shards));
    assertFalse(BlobfsNames.isVirtualDir(".temp", shards));
    assertFalse(BlobfsNames.isVirtualDir("other/x", shards));
    assertNull(BlobfsNames.parse("000012.sst", shards));
    assertNull(BlobfsNames.parse("/a/../b", shards));
    assertNull(BlobfsNames.parse("/", shards));
  }

  @Test
  void everyNameIsSlashAndANameWithoutSlashAndPercentIsEscaped() {
    roundTrip("100%/a%2Fb", "/100%25%2Fa%252Fb");
    roundTrip("50%", "/50%25");
    for (String path : new String[] {"UU/QUUX.data", "ds/QU/QUUX.data", ".temp/batch-1-2/QUUX.data", "ROOT.data", "a/b/c/d"}) {
      assertTrue(BlobfsNames.fileName(path, shards).matches("^/[^/]+$"), path);
      assertTrue(BlobfsNames.dirName(path).matches("^/[^/]+$"), path);
    }
    assertNull(BlobfsNames.parse("/a%2fb", shards)); // only the two escapes this mapping writes
    assertNull(BlobfsNames.parse("/a%zz", shards));
  }

  @Test
  void oldLayoutNamesAreStillRead() {
    assertTrue(BlobfsNames.isLegacy("/.temp/"));
    assertFalse(BlobfsNames.isLegacy("/.temp%2F"));
    assertFalse(BlobfsNames.isLegacy("/QUUX.data"));
    assertEquals(new BlobfsNames.Parsed(".temp", true), BlobfsNames.parse("/.temp/", shards));
    assertEquals(new BlobfsNames.Parsed("ROOT.data", false), BlobfsNames.parse("//ROOT.data", shards));
    assertEquals(new BlobfsNames.Parsed("ds/QU/QUUX.data", false), BlobfsNames.parse("/ds/QUUX.data", shards));
    assertEquals(new BlobfsNames.Parsed(".temp/temp-1", false), BlobfsNames.parse("/.temp/temp-1", shards));
  }

  @Test
  void overLongTempNamesAreHashed() {
    String key = "A".repeat(240);
    String staged = ".temp/batch-1795612386705268413-3744890615943664420/" + key + ".data";
    String name = BlobfsNames.fileName(staged, shards);
    assertTrue(name.startsWith("/.temp%2F~") && name.length() < 64, name);
    assertEquals(name, BlobfsNames.fileName(staged, shards));
    assertEquals("/" + key + ".data", BlobfsNames.fileName("AA/" + key + ".data", shards));
  }
}
