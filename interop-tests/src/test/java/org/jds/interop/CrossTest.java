package org.jds.interop;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;

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
 * Java flatfs against the real go-ds-flatfs v0.6.1: each side reads what the other wrote, and
 * both write byte-identical trees, for 4 shard functions x sync on/off x with/without batches.
 */
class CrossTest {

  @TempDir Path tmp;

  static Stream<Arguments> cases() {
    List<Arguments> out = new ArrayList<>();
    for (ShardFn fn : ShardFn.values()) {
      for (boolean sync : new boolean[] {false, true}) {
        for (boolean batch : new boolean[] {false, true}) {
          out.add(Arguments.of(fn, sync, batch));
        }
      }
    }
    return out.stream();
  }

  static String[] goWriteArgs(Path dir, ShardFn fn, boolean sync, boolean batch) {
    List<String> a = new ArrayList<>(List.of("write", dir.toString(), fn.id()));
    if (sync) {
      a.add("--sync");
    }
    if (batch) {
      a.add("--batch");
    }
    return a.toArray(String[]::new);
  }

  @ParameterizedTest(name = "{0} sync={1} batch={2}")
  @MethodSource("cases")
  void goWritesJavaReads(ShardFn fn, boolean sync, boolean batch) throws Exception {
    GoHarness go = GoHarness.get();
    Manifest m = Entries.standard(batch);
    Path g = tmp.resolve("go");
    go.run(m.toBytes(), goWriteArgs(g, fn, sync, batch)).ok();
    long goCached = DiskUsage.cached(g);

    // Java loads Go's diskUsage.cache and reads every key, size and value
    assertEquals(m.expectedListing(), JavaFlatfs.listing(g));
    assertEquals(goCached + "\tinitial-exact\n", JavaFlatfs.du(g));
    // Java's open/close left the store as Go expects it
    assertEquals(m.expectedListing(), go.run("read", g.toString()).ok().out());

    // without the cache both compute the same size of the same tree
    Files.delete(g.resolve(TreeSnapshot.DU_CACHE));
    String javaComputed = JavaFlatfs.du(g);
    Files.delete(g.resolve(TreeSnapshot.DU_CACHE));
    String goComputed = go.run("du", g.toString()).ok().out();
    assertEquals(goComputed, javaComputed, "computed disk usage, Go vs Java");
  }

  @ParameterizedTest(name = "{0} sync={1} batch={2}")
  @MethodSource("cases")
  void javaWritesGoReads(ShardFn fn, boolean sync, boolean batch) throws Exception {
    GoHarness go = GoHarness.get();
    Manifest m = Entries.standard(batch);
    Path j = tmp.resolve("java");
    long javaDu = JavaFlatfs.write(j, fn, sync, batch, m);

    assertEquals(m.expectedListing(), go.run("read", j.toString()).ok().out());
    assertEquals(javaDu, DiskUsage.cached(j), "Java's diskUsage() vs the diskUsage.cache it wrote");
    assertEquals(javaDu + "\tinitial-exact\n", go.run("du", j.toString()).ok().out(), "Go loading Java's cache");

    // without the cache both compute the same size of the Java tree (the tracked sizes of the two
    // implementations are compared in treesAreByteIdentical, through diskUsage.cache)
    Files.delete(j.resolve(TreeSnapshot.DU_CACHE));
    String goComputed = go.run("du", j.toString()).ok().out();
    Files.delete(j.resolve(TreeSnapshot.DU_CACHE));
    assertEquals(goComputed, JavaFlatfs.du(j), "computed disk usage of the Java tree, Go vs Java");
    assertEquals(m.expectedListing(), JavaFlatfs.listing(j));
  }

  @ParameterizedTest(name = "{0} sync={1} batch={2}")
  @MethodSource("cases")
  void treesAreByteIdentical(ShardFn fn, boolean sync, boolean batch) throws Exception {
    GoHarness go = GoHarness.get();
    Manifest m = Entries.standard(batch);
    Path g = tmp.resolve("go");
    Path j = tmp.resolve("java");
    go.run(m.toBytes(), goWriteArgs(g, fn, sync, batch)).ok();
    JavaFlatfs.write(j, fn, sync, batch, m);
    assertSameTree(g, j);
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(ShardFn.class)
  void edgeKeysAndValues(ShardFn fn) throws Exception {
    GoHarness go = GoHarness.get();
    Manifest m = Entries.edges();
    for (boolean batch : new boolean[] {false, true}) {
      Path g = tmp.resolve("go-" + batch);
      Path j = tmp.resolve("java-" + batch);
      go.run(m.toBytes(), goWriteArgs(g, fn, false, batch)).ok();
      JavaFlatfs.write(j, fn, false, batch, m);
      assertSameTree(g, j);
      assertEquals(m.expectedListing(), JavaFlatfs.listing(g), "Java reading Go's tree, batch=" + batch);
      assertEquals(m.expectedListing(), go.run("read", j.toString()).ok().out(), "Go reading Java's tree, batch=" + batch);
    }
  }

  /**
   * Byte-identity of a Go-written and a Java-written tree: the same relative paths and types, the
   * same bytes in every file (SHARDING and data files included), the same permission bits;
   * {@code _README} text and {@code .temp} are exempt. With a {@code _README} the disk usage may
   * differ by exactly the README size difference; without one diskUsage.cache is identical.
   */
  static void assertSameTree(Path g, Path j) throws Exception {
    TreeSnapshot gs = TreeSnapshot.of(g);
    TreeSnapshot js = TreeSnapshot.of(j);
    long readmeDelta = 0;
    if (gs.get(TreeSnapshot.README) != null && js.get(TreeSnapshot.README) != null) {
      readmeDelta = js.get(TreeSnapshot.README).content().length - gs.get(TreeSnapshot.README).content().length;
    }
    assertSameTree(gs, js, gs.get(TreeSnapshot.README) != null, readmeDelta);
  }

  /**
   * As above, with the exemption spelled out: when {@code duCacheExempt}, the two diskUsage.cache
   * files must have the same shape and their sizes must differ by exactly {@code duDelta} (java
   * minus go); otherwise they must be byte-identical.
   */
  static void assertSameTree(TreeSnapshot gs, TreeSnapshot js, boolean duCacheExempt, long duDelta) {
    assertAll(
        () -> assertEquals("", String.join("\n", TreeSnapshot.contentDiff(gs, "go", js, "java", duCacheExempt)),
            "content differences between the Go-written and the Java-written tree"),
        () -> assertEquals("", String.join("\n", TreeSnapshot.permDiff(gs, "go", js, "java")),
            "permission differences between the Go-written and the Java-written tree"),
        () -> {
          if (duCacheExempt && gs.get(TreeSnapshot.DU_CACHE) != null && js.get(TreeSnapshot.DU_CACHE) != null) {
            String gc = new String(gs.get(TreeSnapshot.DU_CACHE).content(), StandardCharsets.US_ASCII);
            String jc = new String(js.get(TreeSnapshot.DU_CACHE).content(), StandardCharsets.US_ASCII);
            assertEquals(DiskUsage.cached(gs.root()) + duDelta, DiskUsage.cached(js.root()),
                "disk usage must differ by exactly the _README size difference (" + duDelta + "): go=" + gc + " java=" + jc);
            assertEquals(gc.replaceAll("[0-9]+", "N"), jc.replaceAll("[0-9]+", "N"), "diskUsage.cache shape");
          }
        });
  }

  private static Long readmeDelta;

  /** Size of the Java port's _README minus Go's (both are written for next-to-last/2 only). */
  static synchronized long readmeDelta(Path scratch) throws Exception {
    if (readmeDelta == null) {
      Path g = scratch.resolve("readme-go");
      Path j = scratch.resolve("readme-java");
      GoHarness.get().run("create", g.toString(), ShardFn.NEXT_TO_LAST_2.id()).ok();
      JavaFlatfs.create(j, ShardFn.NEXT_TO_LAST_2);
      readmeDelta = Files.size(j.resolve(TreeSnapshot.README)) - Files.size(g.resolve(TreeSnapshot.README));
    }
    return readmeDelta;
  }
}
