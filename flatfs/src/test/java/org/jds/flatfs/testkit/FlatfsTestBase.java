package org.jds.flatfs.testkit;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.jds.datastore.Key;
import org.jds.flatfs.FlatfsDatastore;
import org.jds.flatfs.FlatfsOptions;
import org.jds.flatfs.ShardId;
import org.jds.flatfs.storage.DirectoryListing;
import org.jds.flatfs.storage.FileStat;
import org.jds.flatfs.storage.NoSuchPathException;
import org.jds.flatfs.storage.Storage;
import org.jds.flatfs.storage.StorageException;
import org.jds.flatfs.storage.StoragePaths;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * Base of every flatfs behaviour test: a fresh storage from {@link StorageFactories#current()} per
 * test, the store at {@link #DS} inside it, and everything opened closed afterwards. Tests only use
 * the SPI, so they run unchanged on any backend.
 */
public abstract class FlatfsTestBase {
  /** Where the store under test lives inside the storage (Create makes one level). */
  public static final String DS = "ds";

  @TempDir protected Path hostDir;

  private Storage storage;
  private final List<AutoCloseable> toClose = new ArrayList<>();

  /** Go's tryAllShardFuncs: prefix/2, suffix/2, next-to-last/2. */
  public static Stream<ShardId> shardFuncs() {
    return Stream.of(ShardId.prefix(2), ShardId.suffix(2), ShardId.nextToLast(2));
  }

  /** The shard parameters {@link #everyShardFunc()} tries: short, Go's default, longer than the suite's keys' stems. */
  public static final List<Integer> SHARD_PARAMS = List.of(1, 2, 5);

  /**
   * Every shard function with each of {@link #SHARD_PARAMS}: prefix/N, suffix/N, next-to-last/N. A
   * parameter of 5 is at or beyond the length of the suite's flatfs keys ({@code 0KEY0}), so padding
   * is exercised too.
   */
  public static Stream<ShardId> everyShardFunc() {
    return SHARD_PARAMS.stream()
        .flatMap(n -> Stream.of(ShardId.prefix(n), ShardId.suffix(n), ShardId.nextToLast(n)));
  }

  protected Storage storage() throws Exception {
    if (storage == null) {
      storage = StorageFactories.current().open(hostDir.resolve("storage"));
    }
    return storage;
  }

  /** Go's tests: CreateOrOpen(dir, fn, sync=false). */
  protected FlatfsDatastore open(ShardId fn) throws Exception {
    return track(FlatfsDatastore.createOrOpen(storage(), DS, fn, false));
  }

  /** A store at another path of the same storage. */
  protected FlatfsDatastore openAt(String path, ShardId fn) throws Exception {
    return track(FlatfsDatastore.createOrOpen(storage(), path, fn, false));
  }

  protected FlatfsDatastore open(ShardId fn, FlatfsOptions options) throws Exception {
    return track(FlatfsDatastore.createOrOpen(storage(), DS, fn, options));
  }

  protected FlatfsDatastore reopen(FlatfsOptions options) throws Exception {
    return track(FlatfsDatastore.open(storage(), DS, options));
  }

  protected <T extends AutoCloseable> T track(T c) {
    toClose.add(c);
    return c;
  }

  protected static Key k(String s) {
    return Key.of(s);
  }

  /** Every path below {@code dir} (relative to it), sorted; directories end with {@code /}. */
  protected TreeSet<String> tree(String dir) throws Exception {
    TreeSet<String> out = new TreeSet<>();
    walk(storage(), dir, "", out);
    return out;
  }

  private static void walk(Storage s, String base, String rel, TreeSet<String> out) throws StorageException {
    List<String> names = new ArrayList<>();
    try (DirectoryListing l = s.list(StoragePaths.join(base, rel))) {
      for (String n = l.next(); n != null; n = l.next()) {
        names.add(n);
      }
    }
    for (String n : names) {
      String p = StoragePaths.join(rel, n);
      FileStat st;
      try {
        st = s.stat(StoragePaths.join(base, p));
      } catch (NoSuchPathException e) {
        continue; // a background disk-usage checkpoint renamed its temp file away meanwhile
      }
      if (st.directory()) {
        out.add(p + "/");
        walk(s, base, p, out);
      } else {
        out.add(p);
      }
    }
  }

  @AfterEach
  void closeAll() throws Exception {
    for (int i = toClose.size() - 1; i >= 0; i--) {
      toClose.get(i).close();
    }
    toClose.clear();
    if (storage != null) {
      storage.close();
      storage = null;
    }
  }
}
