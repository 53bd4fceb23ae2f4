package org.jds.node.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A 10k-block flatfs tree (made by flatfs) into blobfs and flatfs repos and back out, byte for byte. */
class ImportExportTest {
  static final int BLOCKS = 10_000;
  @TempDir Path tmp;
  private final CliRun cli = new CliRun();

  @ParameterizedTest
  @ValueSource(strings = {"blobfs", "flatfs"})
  void flatfsTreeRoundTripsThroughTheRepo(String profile) throws Exception {
    Path tree = tmp.resolve("blocks");
    BlockTrees.make(tree, BLOCKS, 2000, 42);
    String repo = tmp.resolve("repo").toString();
    assertEquals(0, cli.run("init", "--repo-dir", repo, "--profile", profile, "--blobfs-size", "256MiB"), cli.err);

    assertEquals(0, cli.run("import", "--repo-dir", repo, "--progress-every", "2500", tree.toString()), cli.err);
    assertTrue(cli.out.startsWith("imported " + BLOCKS + " ("), cli.out);
    assertTrue(cli.out.endsWith("skipped 0, bad 0\n"), cli.out);
    assertEquals(4, cli.progress.lines().count(), cli.progress);
    assertTrue(cli.progress.lines().allMatch(l -> l.matches("\\d+/10000 blocks, .* MB imported, .*ETA.*")), cli.progress);

    // idempotent: a rerun skips everything without rewriting
    assertEquals(0, cli.run("import", "--repo-dir", repo, tree.toString()), cli.err);
    assertEquals("imported 0 (0 bytes), skipped " + BLOCKS + ", bad 0\n", cli.out);

    assertEquals(0, cli.run("refs", "local", "--repo-dir", repo), cli.err);
    assertEquals(BLOCKS, cli.out.lines().filter(l -> l.startsWith("bafkrei")).count());
    assertEquals(0, cli.run("repo", "verify", "--repo-dir", repo), cli.err);
    assertEquals(0, cli.run("repo", "stat", "--repo-dir", repo), cli.err);
    assertTrue(cli.out.startsWith("NumObjects: " + BLOCKS + "\n"), cli.out);

    Path back = tmp.resolve("exported");
    assertEquals(0, cli.run("export", "--repo-dir", repo, "--flatfs", back.toString()), cli.err);
    assertTrue(cli.out.startsWith("exported " + BLOCKS + " blocks"), cli.out);
    BlockTrees.assertSameTree(tree, back);
    assertTrue(Files.isRegularFile(back.resolve("_README")));
  }
}
