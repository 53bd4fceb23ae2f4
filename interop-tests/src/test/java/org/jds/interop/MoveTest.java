package org.jds.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Resharding (Go's flatfs.Move and the Java port's move) across the two implementations. */
class MoveTest {

  @TempDir Path tmp;

  static Stream<Arguments> pairs() {
    return Stream.of(
        Arguments.of(ShardFn.PREFIX_2, ShardFn.NEXT_TO_LAST_2),
        Arguments.of(ShardFn.NEXT_TO_LAST_2, ShardFn.SUFFIX_3),
        Arguments.of(ShardFn.SUFFIX_3, ShardFn.NEXT_TO_LAST_3),
        Arguments.of(ShardFn.NEXT_TO_LAST_3, ShardFn.PREFIX_2));
  }

  /** Go writes OLD, creates NEW and moves; then Java opens NEW. And the reverse. Both results match. */
  @ParameterizedTest(name = "{0} -> {1}")
  @MethodSource("pairs")
  void reshardAcrossImplementations(ShardFn from, ShardFn to) throws Exception {
    GoHarness go = GoHarness.get();
    Manifest m = Entries.standard(false);

    Path gOld = tmp.resolve("go-old");
    Path gNew = tmp.resolve("go-new");
    go.run(m.toBytes(), "write", gOld.toString(), from.id()).ok();
    addStrays(gOld, from);
    go.run("create", gNew.toString(), to.id()).ok();
    go.run("move", gOld.toString(), gNew.toString()).ok();
    assertMoved(gOld, gNew, to, m);
    assertEquals(m.expectedListing(), JavaFlatfs.listing(gNew), "Java reading the store Go resharded");

    Path jOld = tmp.resolve("java-old");
    Path jNew = tmp.resolve("java-new");
    JavaFlatfs.write(jOld, from, false, false, m);
    addStrays(jOld, from);
    JavaFlatfs.create(jNew, to);
    JavaFlatfs.move(jOld, jNew);
    assertMoved(jOld, jNew, to, m);
    assertEquals(m.expectedListing(), go.run("read", jNew.toString()).ok().out(), "Go reading the store Java resharded");

    // Go moved Go's tree; Java moved Java's: the results are byte-identical (spec §6: the old
    // store's diskUsage.cache replaces the new one's, so only a _README in the OLD store exempts it)
    boolean exempt = from.isDefault();
    long delta = from.isDefault() ? CrossTest.readmeDelta(tmp) : 0;
    CrossTest.assertSameTree(TreeSnapshot.of(gNew), TreeSnapshot.of(jNew), exempt, delta);
  }

  /**
   * Each implementation reshards a store the other one wrote; the results read back in both and
   * equal the tree the writer's own move produces.
   */
  @ParameterizedTest(name = "{0} -> {1}")
  @MethodSource("pairs")
  void reshardTheOtherImplementationsStore(ShardFn from, ShardFn to) throws Exception {
    GoHarness go = GoHarness.get();
    Manifest m = Entries.standard(true);

    // Go writes, Java moves; reference: Go writes, Go moves
    Path gOld = tmp.resolve("g-old");
    Path gNew = tmp.resolve("g-new");
    Path refOld = tmp.resolve("ref-old");
    Path refNew = tmp.resolve("ref-new");
    for (Path old : List.of(gOld, refOld)) {
      go.run(m.toBytes(), "write", old.toString(), from.id(), "--batch").ok();
      addStrays(old, from);
    }
    go.run("create", gNew.toString(), to.id()).ok();
    go.run("create", refNew.toString(), to.id()).ok();
    JavaFlatfs.move(gOld, gNew);
    go.run("move", refOld.toString(), refNew.toString()).ok();
    assertMoved(gOld, gNew, to, m);
    assertEquals(m.expectedListing(), go.run("read", gNew.toString()).ok().out(), "Go reading what Java moved");
    assertEquals(m.expectedListing(), JavaFlatfs.listing(gNew));
    CrossTest.assertSameTree(TreeSnapshot.of(refNew), TreeSnapshot.of(gNew), false, 0);

    // Java writes, Go moves; reference: Java writes, Java moves
    Path jOld = tmp.resolve("j-old");
    Path jNew = tmp.resolve("j-new");
    Path jrefOld = tmp.resolve("jref-old");
    Path jrefNew = tmp.resolve("jref-new");
    for (Path old : List.of(jOld, jrefOld)) {
      JavaFlatfs.write(old, from, false, true, m);
      addStrays(old, from);
    }
    JavaFlatfs.create(jNew, to);
    JavaFlatfs.create(jrefNew, to);
    go.run("move", jOld.toString(), jNew.toString()).ok();
    JavaFlatfs.move(jrefOld, jrefNew);
    assertMoved(jOld, jNew, to, m);
    assertEquals(m.expectedListing(), JavaFlatfs.listing(jNew), "Java reading what Go moved");
    assertEquals(m.expectedListing(), go.run("read", jNew.toString()).ok().out());
    CrossTest.assertSameTree(TreeSnapshot.of(jNew), TreeSnapshot.of(jrefNew), false, 0);
  }

  /**
   * Spec §6 cleanup: a stray top-level file is carried over into the new store, a legacy put-*
   * temp file in a shard dir is removed with it.
   */
  private static void addStrays(Path old, ShardFn from) throws Exception {
    Files.writeString(old.resolve("README_ALSO"), "a user's file\n");
    Files.writeString(old.resolve(from.dir("QUUX")).resolve("put-4242"), "legacy temp");
  }

  private static void assertMoved(Path old, Path neu, ShardFn to, Manifest m) throws Exception {
    try (Stream<Path> s = Files.list(old)) {
      assertEquals(List.of(), s.toList(), "the old store must be empty after the move");
    }
    List<String> want = new ArrayList<>();
    for (String k : m.expected().keySet()) {
      want.add(to.dir(k.substring(1)) + "/" + k.substring(1) + ".data");
    }
    want.sort(null);
    TreeSnapshot snap = TreeSnapshot.of(neu);
    assertEquals(want, snap.dataFiles(), "layout of the resharded store");
    assertEquals("a user's file\n", new String(snap.get("README_ALSO").content(), java.nio.charset.StandardCharsets.US_ASCII));
  }
}
