package org.jds.node.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jds.node.blockstore.DsKeys;
import org.jds.node.multiformats.Multicodec;
import org.jds.node.multiformats.Multihash;
import org.jds.node.repo.Profiles;
import org.jds.node.repo.RepoConfig;
import org.jds.node.repo.RepoLock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Interrupted, full, corrupt and locked imports: clear messages, nothing stored is lost. */
class ImportRobustnessTest {
  @TempDir Path tmp;
  private final CliRun cli = new CliRun();
  private ImportFixture fx;

  @BeforeEach
  void fixture() {
    fx = new ImportFixture(tmp, cli);
  }

  @Test
  void killedWithSigkillThenResumedLosesAndDuplicatesNothing() throws Exception {
    Path tree = tmp.resolve("blocks");
    BlockTrees.make(tree, 10_000, 2000, 7);
    String repo = fx.initRepo(Profiles.BLOBFS, "256MiB");
    Process child = ImportFixture.startImport(repo, tree, 500);
    ImportFixture.awaitProgress(ImportFixture.stderr(child), 3, 10_000);
    child.destroyForcibly(); // SIGKILL
    assertNotEquals(0, child.waitFor(), "the child was killed before it finished");

    long[] s = fx.rerun(repo, tree, 10_000);
    assertTrue(s[1] >= 1500, "at least the blocks reported before the kill were kept: " + cli.out);
    assertEquals(0, cli.run("repo", "verify", "--repo-dir", repo), cli.err);
    fx.assertExportsTree(repo, tree);
  }

  @ParameterizedTest
  @ValueSource(strings = {"INT", "TERM"})
  void ctrlCOrSigtermStopsAChildImportCleanlyAndARerunFinishesIt(String signal) throws Exception {
    Path tree = tmp.resolve("blocks");
    BlockTrees.make(tree, 10_000, 2000, 13);
    String repo = fx.initRepo(Profiles.BLOBFS, "256MiB");
    Process child = ImportFixture.startImport(repo, tree, 500);
    List<String> lines = ChildSignal.after(child, err -> ImportFixture.awaitProgress(err, 2, 10_000), signal);
    assertEquals(Jds.EXIT_INTERRUPTED, child.exitValue(), lines.toString());
    String last = lines.get(lines.size() - 1);
    assertTrue(last.startsWith("jds: import interrupted: imported ") && last.endsWith("run the same command again to resume"),
        last);
    long imported = ImportFixture.summary(last.substring(0, last.indexOf(';')) + "\n")[0];
    assertTrue(imported >= 1000 && imported < 10_000, last);
    assertEquals(0, cli.run("blobfs", "fsck", Path.of(repo, Profiles.BLOBFS_IMAGE).toString()), cli.out); // closed cleanly

    long[] s = fx.rerun(repo, tree, 10_000);
    assertEquals(imported, s[1], "every block the interrupted import counted is stored: " + cli.out);
    assertEquals(0, cli.run("repo", "verify", "--repo-dir", repo), cli.err);
    fx.assertExportsTree(repo, tree);
  }

  @Test
  void fullBlobfsImageStopsCleanlyAndAGrownRepoFinishesTheJob() throws Exception {
    Path tree = tmp.resolve("blocks");
    // large blocks, so that clusters run out before md pages (one per file, budgeted at creation:
    // growing adds clusters, not md pages)
    BlockTrees.make(tree, 200, 16_000, 64_000, 11);
    String repo = fx.initRepo(Profiles.BLOBFS, "4MiB");
    assertEquals(Jds.EXIT_BAD_INPUT, cli.run("import", "--repo-dir", repo, tree.toString()));
    assertTrue(cli.err.contains("import stopped") && cli.err.contains("no space left on device"), cli.err);
    long imported = ImportFixture.summary(cli.out)[0];
    assertTrue(imported > 0 && imported < 200, cli.out);
    assertEquals(0, cli.run("repo", "verify", "--repo-dir", repo), cli.err);
    assertEquals(0, cli.run("refs", "local", "--repo-dir", repo), cli.err);
    long stored = cli.out.lines().count();
    assertTrue(stored >= imported, stored + " stored, " + imported + " reported");

    assertEquals(0, cli.run("config", "--repo-dir", repo, "Datastore.StorageMax", "64MiB"), cli.err);
    long[] s = fx.rerun(repo, tree, 200);
    assertEquals(stored, s[1], cli.out);
    fx.assertExportsTree(repo, tree);
  }

  @Test
  void badBlocksInAFlatfsTreeAreListedAndTheRestImported() throws Exception {
    Path tree = tmp.resolve("blocks");
    BlockTrees.make(tree, 50, 500, 3);
    String key = DsKeys.name(Multihash.sum(Multicodec.SHA2_256.code(), "the real bytes".getBytes()));
    String shard = key.substring(key.length() - 3, key.length() - 1);
    Files.createDirectories(tree.resolve(shard));
    Files.write(tree.resolve(shard).resolve(key + ".data"), "other bytes".getBytes());
    Files.createDirectories(tree.resolve("EY"));
    Files.write(tree.resolve("EY/NOTAKEY.data"), new byte[] {1});
    String repo = fx.initRepo(Profiles.FLATFS, "10GB");
    assertEquals(Jds.EXIT_BAD_INPUT, cli.run("import", "--repo-dir", repo, tree.toString()));
    assertEquals(50, ImportFixture.summary(cli.out)[0], cli.out);
    assertEquals(2, ImportFixture.summary(cli.out)[2], cli.out);
    assertTrue(cli.err.contains("bad block " + shard + "/" + key + ".data: bytes do not hash to"), cli.err);
    assertTrue(cli.err.contains("bad block EY/NOTAKEY.data: "), cli.err);
  }

  /** A kubo repo as kubo v0.43.1 lays it out (default flatfs profile), with {@code n} blocks. */
  private Path kuboRepo(int n) throws Exception {
    Path kubo = tmp.resolve("kubo");
    Files.createDirectories(kubo);
    Files.writeString(kubo.resolve("config"), RepoConfig.withSpec(Profiles.spec(Profiles.FLATFS), "10GB").toJson());
    Files.writeString(kubo.resolve("datastore_spec"), "{\"mounts\":[{\"mountpoint\":\"/blocks\",\"path\":\"blocks\","
        + "\"shardFunc\":\"/repo/flatfs/shard/v1/next-to-last/2\",\"type\":\"flatfs\"},{\"mountpoint\":\"/\","
        + "\"path\":\"datastore\",\"type\":\"levelds\"}],\"type\":\"mount\"}");
    Files.writeString(kubo.resolve("version"), "18\n");
    BlockTrees.make(kubo.resolve("blocks"), n, 1000, 5);
    return kubo;
  }

  @Test
  void kuboRepoIsFoundThroughItsDatastoreSpec() throws Exception {
    Path kubo = kuboRepo(200);
    String repo = fx.initRepo(Profiles.BLOBFS, "64MiB");
    assertEquals(0, cli.run("import", "--repo-dir", repo, kubo.toString()), cli.err);
    assertEquals(200, ImportFixture.summary(cli.out)[0], cli.out);
    assertEquals(0, Files.size(kubo.resolve("repo.lock")), "kubo's lock file stays empty");
  }

  @Test
  void kuboRepoWhoseBlocksAreNotInFlatfsNamesTheTypeFound() throws Exception {
    Path kubo = kuboRepo(1);
    Files.writeString(kubo.resolve("datastore_spec"), "{\"path\":\"pebbleds\",\"type\":\"pebbleds\"}");
    importIsRefused(kubo, "are in a 'pebbleds' datastore, not flatfs");
  }

  @Test
  void lockedKuboRepoStopsTheImport() throws Exception {
    Path kubo = kuboRepo(1);
    try (RepoLock held = RepoLock.acquire(kubo)) {
      importIsRefused(kubo, "is in use", "someone else has the lock");
    }
  }

  @Test
  void preMultihashKuboRepoIsRefused() throws Exception {
    Path kubo = kuboRepo(1);
    Files.writeString(kubo.resolve("version"), "11\n");
    importIsRefused(kubo, "version 11, keyed by whole CIDs");
  }

  /** An import of {@code kubo} into a new flatfs repo fails as bad input, and its error says each of {@code says}. */
  private void importIsRefused(Path kubo, String... says) {
    String repo = fx.initRepo(Profiles.FLATFS, "10GB");
    assertEquals(Jds.EXIT_BAD_INPUT, cli.run("import", "--repo-dir", repo, kubo.toString()));
    for (String s : says) {
      assertTrue(cli.err.contains(s), cli.err);
    }
  }
}
