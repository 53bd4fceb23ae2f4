package org.jds.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The two implementations taking turns on one store, the disk-usage accuracy quirk, and stray
 * files in the tree.
 */
class MixedTest {

  @TempDir Path tmp;

  /** Three rounds of writes: new keys, then overwrites and deletes of earlier keys. */
  static Manifest[] rounds() {
    Manifest a = new Manifest();
    for (int i = 0; i < 12; i++) {
      a.putGen("/CIQROUNDA" + i + "X", 50 * i, 100 + i);
    }
    Manifest b = new Manifest();
    b.putGen("/CIQROUNDA3X", 999, 200); // overwrite an A key
    b.delete("/CIQROUNDA4X"); // delete an A key
    for (int i = 0; i < 8; i++) {
      b.putGen("/BAFKROUNDB" + i, 33 * i + 1, 300 + i);
    }
    Manifest c = new Manifest();
    c.delete("/BAFKROUNDB2"); // delete a B key
    c.putGen("/CIQROUNDA3X", 7, 400); // overwrite the B overwrite
    c.putGen("/Z", 0, 401);
    c.delete("/CIQROUNDA5X");
    return new Manifest[] {a, b, c};
  }

  static Stream<Arguments> interleavings() {
    List<Arguments> out = new ArrayList<>();
    for (ShardFn fn : ShardFn.values()) {
      out.add(Arguments.of(fn, true));
      out.add(Arguments.of(fn, false));
    }
    return out.stream();
  }

  /**
   * goFirst: Go, Java, Go take turns on one store, compared with Go doing all three rounds; else
   * Java, Go, Java compared with Java doing all three. Same trees, and diskUsage.cache byte-equal:
   * the tracked size survives the hand-over through the cache in both directions.
   */
  @ParameterizedTest(name = "{0} goFirst={1}")
  @MethodSource("interleavings")
  void takingTurnsOnOneStore(ShardFn fn, boolean goFirst) throws Exception {
    GoHarness go = GoHarness.get();
    Manifest[] r = rounds();
    Path mixed = tmp.resolve("mixed");
    Path pure = tmp.resolve("pure");
    for (int i = 0; i < r.length; i++) {
      boolean goTurn = (i % 2 == 0) == goFirst;
      write(go, goTurn, mixed, fn, r[i]);
      write(go, goFirst, pure, fn, r[i]);
    }
    Manifest all = new Manifest();
    for (Manifest m : r) {
      for (Manifest.Op op : m.ops()) {
        if (op.isDelete()) {
          all.delete(op.key());
        } else {
          all.putHex(op.key(), op.value());
        }
      }
    }
    assertEquals(all.expectedListing(), go.run("read", mixed.toString()).ok().out());
    assertEquals(all.expectedListing(), JavaFlatfs.listing(mixed));
    // the same implementation created both stores, so even a _README is the same text
    TreeSnapshot ms = TreeSnapshot.of(mixed);
    TreeSnapshot ps = TreeSnapshot.of(pure);
    CrossTest.assertSameTree(goFirst ? ps : ms, goFirst ? ms : ps, false, 0);
  }

  private static void write(GoHarness go, boolean withGo, Path dir, ShardFn fn, Manifest m) throws Exception {
    if (withGo) {
      go.run(m.toBytes(), "write", dir.toString(), fn.id()).ok();
    } else {
      JavaFlatfs.write(dir, fn, false, false, m);
    }
  }

  /**
   * Go quirk (spec §5): with DiskUsageFilesAverage <= 0 every folder is reported approximate
   * although all entries were stat'ed. Both compute the same size and accuracy, and each loads
   * the other's "initial-approximate" cache unchanged.
   */
  @ParameterizedTest(name = "{0}")
  @EnumSource(value = ShardFn.class, names = {"SUFFIX_3", "NEXT_TO_LAST_2"})
  void approximateAccuracyAgrees(ShardFn fn) throws Exception {
    GoHarness go = GoHarness.get();
    Path g = tmp.resolve("go");
    go.run(Entries.standard(false).toBytes(), "write", g.toString(), fn.id()).ok();
    Path cache = g.resolve(TreeSnapshot.DU_CACHE);

    Files.delete(cache);
    String goApprox = go.run("du", g.toString(), "--files-average", "-1").ok().out();
    assertTrue(goApprox.endsWith("\tinitial-approximate\n"), goApprox);
    String goCacheBytes = Files.readString(cache);
    assertEquals(goApprox, JavaFlatfs.du(g), "Java loading Go's approximate cache");

    Files.delete(cache);
    assertEquals(goApprox, JavaFlatfs.du(g, -1), "Java computing with DiskUsageFilesAverage=-1");
    assertEquals(goCacheBytes, Files.readString(cache), "the cache Java wrote vs the one Go wrote");
    assertEquals(goApprox, go.run("du", g.toString()).ok().out(), "Go loading Java's approximate cache");

    // and with the default cap both say exact
    Files.delete(cache);
    String goExact = go.run("du", g.toString()).ok().out();
    Files.delete(cache);
    assertEquals(goExact, JavaFlatfs.du(g));
    assertNotEquals(goApprox, goExact);
  }

  /**
   * Both Query walks make the same of stray files (spec §4): names without .data, dotfiles,
   * legacy put-* temp files, top-level files and dot-dirs are skipped; a misplaced or lowercase
   * *.data file is still listed under its name. The initial disk-usage walk counts all of it.
   */
  @ParameterizedTest(name = "{0}")
  @EnumSource(value = ShardFn.class, names = {"PREFIX_2", "NEXT_TO_LAST_3"})
  void strayFilesAreSeenAlike(ShardFn fn) throws Exception {
    GoHarness go = GoHarness.get();
    Path g = tmp.resolve("go");
    go.run(Entries.standard(false).toBytes(), "write", g.toString(), fn.id()).ok();
    Path shardDir = g.resolve(fn.dir("QUUX"));
    put(shardDir.resolve("lower.data"), "lowercase key");
    put(shardDir.resolve("put-12345"), "legacy temp");
    put(shardDir.resolve(".hidden.data"), "dotfile");
    put(shardDir.resolve("notes.txt"), "not data");
    put(shardDir.resolve("QUUX.data.data"), "double extension");
    put(g.resolve("MISPLACED-DIR").resolve("MISPLACED.data"), "wrong shard dir");
    put(g.resolve("STRAY.data"), "top-level file");
    put(g.resolve(".hidden").resolve("HIDDEN.data"), "dot dir");

    String goKeys = go.run("keys", g.toString()).ok().out();
    assertEquals(goKeys, JavaFlatfs.keys(g));
    assertTrue(goKeys.contains("/lower\t"), goKeys); // the keys really include the strays

    Files.delete(g.resolve(TreeSnapshot.DU_CACHE));
    String goDu = go.run("du", g.toString()).ok().out();
    Files.delete(g.resolve(TreeSnapshot.DU_CACHE));
    assertEquals(goDu, JavaFlatfs.du(g));
  }

  /**
   * Batch semantics that differ from sequential ones (spec §3.7: first writer wins inside a
   * batch, deletes are applied after the puts) come out the same in both implementations.
   */
  @ParameterizedTest(name = "{0}")
  @EnumSource(value = ShardFn.class, names = {"PREFIX_2", "SUFFIX_3"})
  void batchQuirksAgree(ShardFn fn) throws Exception {
    GoHarness go = GoHarness.get();
    Manifest m = new Manifest();
    m.delete("/KEYA").putGen("/KEYA", 10, 1);
    m.putGen("/KEYB", 10, 2).delete("/KEYB");
    m.putGen("/KEYX", 10, 3).delete("/KEYX").putGen("/KEYX", 20, 4);
    m.putGen("/KEYY", 10, 5).delete("/KEYY").putGen("/KEYY", 10, 6).delete("/KEYY");
    m.putGen("/KEYZ", 30, 7).putGen("/KEYZ", 40, 8);
    Path g = tmp.resolve("go");
    Path j = tmp.resolve("java");
    go.run(m.toBytes(), "write", g.toString(), fn.id(), "--batch").ok();
    JavaFlatfs.write(j, fn, false, true, m);
    String goView = go.run("read", g.toString()).ok().out();
    assertEquals(goView, go.run("read", j.toString()).ok().out());
    assertEquals(goView, JavaFlatfs.listing(g));
    // the batch outcome is not the sequential one (KEYX keeps its first value, KEYZ too)
    assertNotEquals(m.expectedListing(), goView);
    CrossTest.assertSameTree(g, j);
  }

  private static void put(Path p, String content) throws Exception {
    Files.createDirectories(p.getParent());
    Files.writeString(p, content, StandardCharsets.US_ASCII);
  }
}
