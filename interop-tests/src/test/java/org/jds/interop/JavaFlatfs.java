package org.jds.interop;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jds.datastore.Datastore;
import org.jds.datastore.DatastoreException;
import org.jds.datastore.Key;
import org.jds.datastore.query.Entry;
import org.jds.datastore.query.Query;
import org.jds.datastore.query.Results;
import org.jds.flatfs.Convert;
import org.jds.flatfs.FlatfsDatastore;
import org.jds.flatfs.FlatfsOptions;
import org.jds.flatfs.ShardId;
import org.jds.flatfs.storage.LocalStorage;

/** The Java flatfs port (org.jds.flatfs) driven the way the Go harness drives go-ds-flatfs. */
final class JavaFlatfs {
  private JavaFlatfs() {}

  static ShardId shard(ShardFn fn) throws DatastoreException {
    return ShardId.parse(fn.id());
  }

  static LocalStorage storage(Path dir) {
    return new LocalStorage(dir.toAbsolutePath().getParent());
  }

  static String name(Path dir) {
    return dir.getFileName().toString();
  }

  /** Java's equivalent of {@code go-harness write}; returns diskUsage() just before close. */
  static long write(Path dir, ShardFn fn, boolean sync, boolean batch, Manifest m) throws Exception {
    try (LocalStorage st = storage(dir);
        FlatfsDatastore ds = FlatfsDatastore.createOrOpen(st, name(dir), shard(fn), sync)) {
      m.applyTo(ds, batch);
      return ds.diskUsage();
    }
  }

  static void create(Path dir, ShardFn fn) throws Exception {
    try (LocalStorage st = storage(dir)) {
      FlatfsDatastore.create(st, name(dir), shard(fn));
    }
  }

  /** Java's reshard (Go's flatfs.Move); both stores must exist and share a parent directory. */
  static void move(Path oldDir, Path newDir) throws Exception {
    Path parent = oldDir.toAbsolutePath().getParent();
    if (!parent.equals(newDir.toAbsolutePath().getParent())) {
      throw new IllegalArgumentException("stores must share a parent: " + oldDir + " " + newDir);
    }
    try (LocalStorage st = new LocalStorage(parent)) {
      Convert.move(st, name(oldDir), name(newDir), null);
    }
  }

  /**
   * Java's equivalent of {@code go-harness read}: every entry through Query (values), Query
   * (keys only + sizes), Get, GetSize and Has, cross-checked; returns the entries.
   */
  static Map<String, byte[]> readAll(Path dir) throws Exception {
    try (LocalStorage st = storage(dir);
        FlatfsDatastore ds = FlatfsDatastore.open(st, name(dir), false)) {
      return readAll(ds);
    }
  }

  static Map<String, byte[]> readAll(Datastore ds) throws Exception {
    Map<String, byte[]> out = new TreeMap<>();
    List<Entry> all;
    try (Results r = ds.query(Query.all())) {
      all = r.rest();
    }
    Map<String, Integer> sizes = new HashMap<>();
    try (Results r = ds.query(Query.builder().keysOnly(true).returnsSizes(true).build())) {
      for (Entry e : r.rest()) {
        sizes.put(e.key(), e.size());
      }
    }
    assertEquals(sizes.size(), all.size(), "keys-only query vs query with values");
    for (Entry e : all) {
      Key k = Key.raw(e.key());
      byte[] v = ds.get(k);
      assertArrayEquals(v, e.value(), "Get vs Query value of " + k);
      assertEquals(v.length, e.size(), "Query size of " + k);
      assertEquals(v.length, ds.getSize(k), "GetSize of " + k);
      assertEquals(Integer.valueOf(v.length), sizes.get(e.key()), "keys-only query size of " + k);
      assertTrue(ds.has(k), "Has " + k);
      assertTrue(out.put(e.key(), v) == null, "duplicate key in query: " + k);
    }
    return out;
  }

  /** Java's equivalent of {@code go-harness keys}: KEY<TAB>SIZE from a keys-only query with sizes. */
  static String keys(Path dir) throws Exception {
    try (LocalStorage st = storage(dir);
        FlatfsDatastore ds = FlatfsDatastore.open(st, name(dir), false);
        Results r = ds.query(Query.builder().keysOnly(true).returnsSizes(true).build())) {
      Map<String, Integer> m = new TreeMap<>();
      for (Entry e : r.rest()) {
        assertTrue(m.put(e.key(), e.size()) == null, "duplicate key in query: " + e.key());
      }
      StringBuilder sb = new StringBuilder();
      m.forEach((k, v) -> sb.append(k).append('\t').append(v).append('\n'));
      return sb.toString();
    }
  }

  static String listing(Path dir) throws Exception {
    return Manifest.listing(readAll(dir));
  }

  /** diskUsage() and accuracy() right after open (cache loaded or size computed), then close. */
  static String du(Path dir) throws Exception {
    return du(dir, FlatfsOptions.DISK_USAGE_FILES_AVERAGE);
  }

  /** As {@link #du(Path)} with the given DiskUsageFilesAverage (Go's package variable). */
  static String du(Path dir, int filesAverage) throws Exception {
    FlatfsOptions opts = FlatfsOptions.defaults(false).withDiskUsageFilesAverage(filesAverage);
    try (LocalStorage st = storage(dir);
        FlatfsDatastore ds = FlatfsDatastore.open(st, name(dir), opts)) {
      return ds.diskUsage() + "\t" + ds.accuracy() + "\n";
    }
  }
}
