package org.jds.flatfs;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.jds.datastore.ClosedException;
import org.jds.datastore.InvalidKeyException;
import org.jds.datastore.Key;
import org.jds.datastore.NotFoundException;
import org.jds.datastore.query.Entry;
import org.jds.datastore.query.Query;
import org.jds.flatfs.testkit.FlatfsTestBase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Go's flatfs_test.go: the single-key operations, layout, query and close, per shard function. */
class FlatfsBasicTest extends FlatfsTestBase {
  private static final String SHARDS = "org.jds.flatfs.testkit.FlatfsTestBase#shardFuncs";

  @ParameterizedTest
  @MethodSource(SHARDS)
  void putAcceptsValidKeysAndRejectsLowercase(ShardId fn) throws Exception {
    FlatfsDatastore fs = open(fn);
    fs.put(k("/QUUX"), "foobar".getBytes(UTF_8));
    InvalidKeyException e = assertThrows(InvalidKeyException.class, () -> fs.put(k("/foo"), "bar".getBytes(UTF_8)));
    assertEquals("when putting '\"/foo\"': key not supported by flatfs", e.getMessage());
  }

  @ParameterizedTest
  @MethodSource(SHARDS)
  void getReturnsValueAndMultiComponentIsNotFound(ShardId fn) throws Exception {
    FlatfsDatastore fs = open(fn);
    fs.put(k("/QUUX"), "foobar".getBytes(UTF_8));
    assertArrayEquals("foobar".getBytes(UTF_8), fs.get(k("/QUUX")));
    assertSame(NotFoundException.INSTANCE, assertThrows(NotFoundException.class, () -> fs.get(k("/FOO/BAR"))));
  }

  @ParameterizedTest
  @MethodSource(SHARDS)
  void putOverwrites(ShardId fn) throws Exception {
    FlatfsDatastore fs = open(fn);
    fs.put(k("/QUUX"), "foobar".getBytes(UTF_8));
    fs.put(k("/QUUX"), "xyzzy".getBytes(UTF_8));
    assertArrayEquals("xyzzy".getBytes(UTF_8), fs.get(k("/QUUX")));
  }

  @ParameterizedTest
  @MethodSource(SHARDS)
  void missingKeys(ShardId fn) throws Exception {
    FlatfsDatastore fs = open(fn);
    assertSame(NotFoundException.INSTANCE, assertThrows(NotFoundException.class, () -> fs.get(k("/QUUX"))));
    assertFalse(fs.has(k("/QUUX")));
    assertThrows(NotFoundException.class, () -> fs.getSize(k("/QUUX")));
    fs.delete(k("/QUUX"));
  }

  @ParameterizedTest
  @MethodSource(SHARDS)
  void hasGetSizeAndDeleteOfPresentKey(ShardId fn) throws Exception {
    FlatfsDatastore fs = open(fn);
    fs.put(k("/QUUX"), "foobar".getBytes(UTF_8));
    assertTrue(fs.has(k("/QUUX")));
    assertEquals(6, fs.getSize(k("/QUUX")));
    fs.delete(k("/QUUX"));
    assertThrows(NotFoundException.class, () -> fs.get(k("/QUUX")));
    assertFalse(fs.has(k("/QUUX")));
  }

  /** Go's keyIsValid table and what each operation does with an invalid key (spec §2). */
  @ParameterizedTest
  @MethodSource(SHARDS)
  void invalidKeysPerOperation(ShardId fn) throws Exception {
    FlatfsDatastore fs = open(fn);
    for (String s : List.of("/foo/bar", "/foo\\bar", "/foo\0bar", "/=Vim-IS-KING=", "/a.b", "/É")) {
      Key key = Key.of(s);
      assertFalse(Keys.isValid(key), s);
      assertThrows(InvalidKeyException.class, () -> fs.put(key, new byte[1]));
      assertSame(NotFoundException.INSTANCE, assertThrows(NotFoundException.class, () -> fs.get(key)));
      assertThrows(NotFoundException.class, () -> fs.getSize(key));
      assertFalse(fs.has(key));
      fs.delete(key);
    }
    assertFalse(Keys.isValid(Key.ROOT));
    assertThrows(InvalidKeyException.class, () -> fs.put(null, new byte[0]));
    fs.close();
    // Go returns nil for an invalid key even when closed; every op after close refuses here.
    assertThrows(ClosedException.class, () -> fs.delete(k("/lower")));
    assertThrows(ClosedException.class, () -> fs.delete(k("/UPPER")));
  }

  /** Go writes an empty file for a nil value; a null value here does the same. */
  @ParameterizedTest
  @MethodSource(SHARDS)
  void nullValueStoresAnEmptyFile(ShardId fn) throws Exception {
    FlatfsDatastore fs = open(fn);
    fs.put(k("/NULLVALUE"), "old".getBytes(UTF_8));
    fs.put(k("/NULLVALUE"), null);
    assertArrayEquals(new byte[0], fs.get(k("/NULLVALUE")));
    assertEquals(0, fs.getSize(k("/NULLVALUE")));
    assertArrayEquals(new byte[0], storage().readAll(DS + "/" + fn.apply("NULLVALUE") + "/NULLVALUE.data"));
    FlatfsBatch batch = fs.batch();
    batch.put(k("/NULLBATCH"), null);
    assertEquals(0, batch.getSize(k("/NULLBATCH")), "staged as an empty file");
    batch.commit();
    assertArrayEquals(new byte[0], storage().readAll(DS + "/" + fn.apply("NULLBATCH") + "/NULLBATCH.data"));
    assertEquals(List.of(new Entry("/NULLBATCH", new byte[0]), new Entry("/NULLVALUE", new byte[0])), sorted(fs.query(Query.all()).rest()));
  }

  /** Go's TestStorage: exact files after one put and close. */
  @ParameterizedTest
  @MethodSource(SHARDS)
  void layoutAfterPutAndClose(ShardId fn) throws Exception {
    String dir = Set.of("prefix", "suffix").contains(fn.funName()) ? (fn.funName().equals("prefix") ? "QU" : "UX") : "UU";
    FlatfsDatastore fs = open(fn);
    fs.put(k("/QUUX"), "foobar".getBytes(UTF_8));
    fs.close();
    TreeSet<String> expected = new TreeSet<>(List.of("SHARDING", "diskUsage.cache", ".temp/", dir + "/", dir + "/QUUX.data"));
    if (fn.toString().equals(ShardId.DEFAULT.toString())) {
      expected.add("_README");
    }
    assertEquals(expected, tree(DS));
    assertArrayEquals((fn + "\n").getBytes(UTF_8), storage().readAll(DS + "/SHARDING"));
    assertArrayEquals("foobar".getBytes(UTF_8), storage().readAll(DS + "/" + dir + "/QUUX.data"));
  }

  @ParameterizedTest
  @MethodSource(SHARDS)
  void querySimple(ShardId fn) throws Exception {
    FlatfsDatastore fs = open(fn);
    fs.put(k("/QUUX"), "foobar".getBytes(UTF_8));
    List<Entry> all = fs.query(Query.builder().keysOnly(true).build()).rest();
    assertEquals(List.of(new Entry("/QUUX", null, 0, null)), all);
  }

  @ParameterizedTest
  @MethodSource(SHARDS)
  void queryShapesSizesAndPrefixes(ShardId fn) throws Exception {
    FlatfsDatastore fs = open(fn);
    fs.put(k("/AAA"), "12345".getBytes(UTF_8));
    fs.put(k("/BBBB"), "1".getBytes(UTF_8));
    // Strays the walk must skip: a non-.data name, a dotfile, a legacy temp file, a root file.
    String shardDir = DS + "/" + fn.apply("AAA");
    storage().create(shardDir + "/put-123", org.jds.flatfs.storage.CreateMode.EXCLUSIVE, org.jds.flatfs.storage.FileAccess.DEFAULT).close();
    storage().create(shardDir + "/.hidden.data", org.jds.flatfs.storage.CreateMode.EXCLUSIVE, org.jds.flatfs.storage.FileAccess.DEFAULT).close();
    storage().create(shardDir + "/notes.txt", org.jds.flatfs.storage.CreateMode.EXCLUSIVE, org.jds.flatfs.storage.FileAccess.DEFAULT).close();
    storage().create(DS + "/ROOT.data", org.jds.flatfs.storage.CreateMode.EXCLUSIVE, org.jds.flatfs.storage.FileAccess.DEFAULT).close();

    List<Entry> vals = sorted(fs.query(Query.all()).rest());
    assertEquals(List.of(new Entry("/AAA", "12345".getBytes(UTF_8)), new Entry("/BBBB", "1".getBytes(UTF_8))), vals);
    List<Entry> sizes = sorted(fs.query(Query.builder().keysOnly(true).returnsSizes(true).build()).rest());
    assertEquals(List.of(new Entry("/AAA", null, 5, null), new Entry("/BBBB", null, 1, null)), sizes);
    for (String p : List.of("", "/", "/./", "/.././/", "/prefix/../")) {
      assertEquals(2, fs.query(Query.builder().prefix(p).build()).rest().size(), p);
    }
    assertEquals(0, fs.query(Query.builder().prefix("/AAA").build()).rest().size());
    // a stray foo.data in a shard dir comes back as /foo (Go: no validity check)
    storage().create(shardDir + "/foo.data", org.jds.flatfs.storage.CreateMode.EXCLUSIVE, org.jds.flatfs.storage.FileAccess.DEFAULT).close();
    assertTrue(fs.query(Query.builder().keysOnly(true).build()).rest().stream().anyMatch(e -> e.key().equals("/foo")));
  }

  /** The walk is lazy: taking one result of a value query reads one file, not the store. */
  @ParameterizedTest
  @MethodSource(SHARDS)
  void queryReadsLazily(ShardId fn) throws Exception {
    FlatfsDatastore plain = open(fn);
    for (int i = 0; i < 50; i++) {
      plain.put(k("/LAZY" + i), new byte[] {(byte) i});
    }
    plain.close();
    java.util.concurrent.atomic.AtomicInteger reads = new java.util.concurrent.atomic.AtomicInteger();
    org.jds.flatfs.testkit.FaultyStorage counting = new org.jds.flatfs.testkit.FaultyStorage(storage())
        .inject((op, path, bytes) -> {
          if (op.equals("readAll") && path.endsWith(".data")) {
            reads.incrementAndGet();
          }
        });
    FlatfsDatastore fs = track(FlatfsDatastore.open(counting, DS, false));
    try (var res = fs.query(Query.all())) {
      assertTrue(res.next().entry().key().startsWith("/LAZY"));
    }
    assertEquals(1, reads.get());
  }

  private static List<Entry> sorted(List<Entry> l) {
    return l.stream().sorted((a, b) -> a.key().compareTo(b.key())).toList();
  }

  /**
   * Go's TestClose, made stricter: Go keeps reads and queries working after Close (§3.6); here every
   * operation refuses, and a batch opened before close cannot commit. Reopening shows the data.
   */
  @ParameterizedTest
  @MethodSource(SHARDS)
  void closeRefusesEveryOperation(ShardId fn) throws Exception {
    FlatfsDatastore fs = open(fn);
    fs.put(k("/QUUX"), "foobar".getBytes(UTF_8));
    FlatfsBatch b = fs.batch();
    b.put(k("/QAAX"), new byte[1]);
    fs.close();
    fs.close();
    assertEquals(ClosedException.MESSAGE, assertThrows(ClosedException.class, () -> fs.put(k("/QAAX"), new byte[1])).getMessage());
    assertThrows(ClosedException.class, () -> fs.sync(Key.ROOT));
    assertThrows(ClosedException.class, () -> fs.get(k("/QUUX")));
    assertThrows(ClosedException.class, () -> fs.has(k("/QUUX")));
    assertThrows(ClosedException.class, () -> fs.getSize(k("/QUUX")));
    assertThrows(ClosedException.class, () -> fs.query(Query.all()));
    assertThrows(ClosedException.class, fs::diskUsage);
    assertThrows(ClosedException.class, fs::batch);
    assertThrows(ClosedException.class, b::commit);
    FlatfsDatastore again = open(fn);
    assertArrayEquals("foobar".getBytes(UTF_8), again.get(k("/QUUX")));
    assertFalse(again.has(k("/QAAX")));
  }

  @ParameterizedTest
  @MethodSource(SHARDS)
  void syncIsANoOpThatSucceeds(ShardId fn) throws Exception {
    FlatfsDatastore fs = open(fn);
    fs.sync(k("/prefix"));
    fs.sync(Key.ROOT);
  }

  @ParameterizedTest
  @MethodSource(SHARDS)
  void syncModeWritesTheSameLayout(ShardId fn) throws Exception {
    FlatfsDatastore fs = track(FlatfsDatastore.createOrOpen(storage(), DS, fn, true));
    fs.put(k("/QUUX"), "foobar".getBytes(UTF_8));
    FlatfsBatch b = fs.batch();
    b.put(k("/QAAX"), "batched".getBytes(UTF_8));
    b.commit();
    assertArrayEquals("foobar".getBytes(UTF_8), fs.get(k("/QUUX")));
    assertArrayEquals("batched".getBytes(UTF_8), fs.get(k("/QAAX")));
  }
}
