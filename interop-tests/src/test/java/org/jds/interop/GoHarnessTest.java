package org.jds.interop;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Go-only sanity: the harness drives the real go-ds-flatfs as the cross tests assume. */
class GoHarnessTest {

  @TempDir Path tmp;

  @Test
  void harnessLinksTheRealGoModulesAtThePinnedVersions() {
    String v = GoHarness.get().run("version").ok().out();
    assertTrue(v.contains("\ngithub.com/ipfs/go-ds-flatfs v0.6.1\n"), v);
    assertTrue(v.contains("\ngithub.com/ipfs/go-datastore v0.9.2\n"), v);
    assertFalse(v.contains("=>"), "no replace directives: " + v);
  }

  @Test
  void generatorIsIdenticalInGoAndJava() {
    GoHarness go = GoHarness.get();
    long[] seeds = {0, 1, 42, Long.MAX_VALUE};
    int[] lens = {0, 1, 7, 8, 9, 1000, Entries.MIB};
    for (long seed : seeds) {
      for (int len : lens) {
        byte[] fromGo = go.run("gen", Integer.toString(len), Long.toString(seed)).ok().stdout();
        assertArrayEquals(ValueGen.gen(len, seed), fromGo, "gen " + len + " " + seed);
      }
    }
  }

  @ParameterizedTest
  @EnumSource(ShardFn.class)
  void goWritesGoReads(ShardFn fn) throws IOException {
    GoHarness go = GoHarness.get();
    for (boolean batch : new boolean[] {false, true}) {
      Manifest m = Entries.standard(batch);
      Path dir = tmp.resolve(fn.name + fn.n + (batch ? "-batch" : ""));
      List<String> args = new ArrayList<>(List.of("write", dir.toString(), fn.id()));
      if (batch) {
        args.add("--batch");
      }
      go.run(m.toBytes(), args.toArray(String[]::new)).ok();
      assertEquals(m.expectedListing(), go.run("read", dir.toString()).ok().out());

      // the layout the cross tests take for granted (spec §1.1-§1.4)
      assertEquals(fn.id() + "\n", Files.readString(dir.resolve("SHARDING"), StandardCharsets.US_ASCII));
      assertEquals(fn.isDefault(), Files.exists(dir.resolve("_README")));
      TreeSnapshot snap = TreeSnapshot.of(dir);
      List<String> expectedFiles = new ArrayList<>();
      for (String k : m.expected().keySet()) {
        expectedFiles.add(fn.dir(k.substring(1)) + "/" + k.substring(1) + ".data");
      }
      expectedFiles.sort(null);
      assertEquals(expectedFiles, snap.dataFiles());
      for (Map.Entry<String, byte[]> e : m.expected().entrySet()) {
        String noslash = e.getKey().substring(1);
        assertArrayEquals(e.getValue(), snap.get(fn.dir(noslash) + "/" + noslash + ".data").content());
      }
      String cache = Files.readString(dir.resolve("diskUsage.cache"));
      assertTrue(cache.matches("\\{\"diskUsage\":[1-9][0-9]*,\"accuracy\":\"initial-exact\"}\n"), cache);
    }
  }

  @Test
  void duReportsTheCacheAndRecomputesTheTreeSize() throws IOException {
    GoHarness go = GoHarness.get();
    Path dir = tmp.resolve("du");
    go.run(Entries.standard(false).toBytes(), "write", dir.toString(), ShardFn.SUFFIX_3.id()).ok();
    long cached = DiskUsage.cached(dir);
    assertEquals(cached + "\tinitial-exact\n", go.run("du", dir.toString()).ok().out());

    Files.delete(dir.resolve("diskUsage.cache"));
    String[] recomputed = go.run("du", dir.toString()).ok().out().trim().split("\t");
    assertEquals("initial-exact", recomputed[1]);
    // Go's folderSize: st_size of every entry (dirs included), root included, with .temp
    // recreated empty; the cache file did not exist during the walk, so remove it again.
    Files.delete(dir.resolve("diskUsage.cache"));
    assertEquals(DiskUsage.walk(dir), Long.parseLong(recomputed[0]));
  }

  @Test
  void suitePassesOnFlatfs() throws IOException {
    GoHarness go = GoHarness.get();
    Path dir = tmp.resolve("suite");
    GoHarness.Run r = go.run("suite", dir.toString(), "-test.v");
    r.ok();
    String out = r.out();
    // the subtests actually ran and reached flatfs
    for (String sub : List.of("SubtestBasicPutGet", "SubtestPrefix", "SubtestOrder", "SubtestLimit",
        "SubtestFilter", "SubtestManyKeysAndQuery", "SubtestReturnSizes", "SubtestBasicSync",
        "SubtestCombinations", "RunBatchTest", "RunBatchDeleteTest", "RunBatchPutAndDeleteTest")) {
      assertTrue(out.contains("--- PASS: TestSuite/github.com/ipfs/go-datastore/test." + sub + " ("), sub + " did not pass:\n" + tail(out));
    }
    assertFalse(out.contains("--- FAIL"), tail(out));
    assertTrue(out.trim().endsWith("PASS"), tail(out));
    assertEquals("/repo/flatfs/shard/v1/prefix/2\n", Files.readString(dir.resolve("SHARDING")));
    assertTrue(Files.size(dir.resolve("diskUsage.cache")) > 0);
  }

  @Test
  void suiteExitsNonZeroOnFailure() throws IOException {
    GoHarness go = GoHarness.get();
    Path dir = Files.createDirectories(tmp.resolve("foreign"));
    Files.writeString(dir.resolve("SHARDING"), ShardFn.NEXT_TO_LAST_2.id() + "\n");
    GoHarness.Run r = go.run("suite", dir.toString());
    assertNotEquals(0, r.exit());
    assertTrue(r.out().contains("does not match repo shard func"), r.out() + r.stderr());
  }

  private static String tail(String s) {
    return s.length() > 4000 ? "..." + s.substring(s.length() - 4000) : s;
  }
}
