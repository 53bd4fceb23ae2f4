package org.jds.node.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jds.node.blockstore.DsKeys;
import org.jds.node.multiformats.Multicodec;
import org.jds.node.multiformats.Multihash;
import org.jds.node.repo.Profiles;
import org.jds.node.repo.RepoConfig;
import org.jds.node.repo.RepoLock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Interrupted, full, corrupt and locked imports: clear messages, nothing stored is lost. */
class ImportRobustnessTest {
  private static final Pattern SUMMARY = Pattern.compile("imported (\\d+) \\(\\d+ bytes\\), skipped (\\d+), bad (\\d+)\n");
  @TempDir Path tmp;
  private final CliRun cli = new CliRun();

  private long[] summary(String out) {
    Matcher m = SUMMARY.matcher(out);
    assertTrue(m.find(), out);
    return new long[] {Long.parseLong(m.group(1)), Long.parseLong(m.group(2)), Long.parseLong(m.group(3))};
  }

  private String initRepo(String profile, String size) {
    String repo = tmp.resolve("repo").toString();
    assertEquals(0, cli.run("init", "--repo-dir", repo, "--profile", profile, "--blobfs-size", size), cli.err);
    return repo;
  }

  @Test
  void killedWithSigkillThenResumedLosesAndDuplicatesNothing() throws Exception {
    Path tree = tmp.resolve("blocks");
    BlockTrees.make(tree, 10_000, 2000, 7);
    String repo = initRepo(Profiles.BLOBFS, "256MiB");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), Jds.class.getName(),
        "import", "--repo-dir", repo, "--progress-every", "500", tree.toString()).start();
    BufferedReader err = new BufferedReader(new InputStreamReader(child.getErrorStream(), StandardCharsets.UTF_8));
    for (int i = 0; i < 3; i++) {
      String line = err.readLine();
      assertTrue(line != null && line.contains("/10000 blocks"), String.valueOf(line));
    }
    child.destroyForcibly(); // SIGKILL
    assertNotEquals(0, child.waitFor(), "the child was killed before it finished");

    assertEquals(0, cli.run("import", "--repo-dir", repo, tree.toString()), cli.err);
    long[] s = summary(cli.out);
    assertEquals(10_000, s[0] + s[1], cli.out);
    assertTrue(s[1] >= 1500, "at least the blocks reported before the kill were kept: " + cli.out);
    assertEquals(0, cli.run("repo", "verify", "--repo-dir", repo), cli.err);
    Path back = tmp.resolve("back");
    assertEquals(0, cli.run("export", "--repo-dir", repo, "--flatfs", back.toString()), cli.err);
    BlockTrees.assertSameTree(tree, back);
  }

  @ParameterizedTest
  @ValueSource(strings = {"INT", "TERM"})
  void ctrlCOrSigtermStopsAChildImportCleanlyAndARerunFinishesIt(String signal) throws Exception {
    Path tree = tmp.resolve("blocks");
    BlockTrees.make(tree, 10_000, 2000, 13);
    String repo = initRepo(Profiles.BLOBFS, "256MiB");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), Jds.class.getName(),
        "import", "--repo-dir", repo, "--progress-every", "500", tree.toString())
        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    List<String> lines = new ArrayList<>();
    try (BufferedReader err = new BufferedReader(new InputStreamReader(child.getErrorStream(), StandardCharsets.UTF_8))) {
      for (int i = 0; i < 2; i++) {
        String line = err.readLine();
        assertTrue(line != null && line.contains("/10000 blocks"), String.valueOf(line));
      }
      Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(child.pid())).inheritIO().start();
      assertEquals(0, kill.waitFor());
      for (String l = err.readLine(); l != null; l = err.readLine()) {
        lines.add(l);
      }
    } finally {
      if (!child.waitFor(60, TimeUnit.SECONDS)) {
        child.destroyForcibly();
      }
    }
    assertEquals(Jds.EXIT_INTERRUPTED, child.exitValue(), lines.toString());
    String last = lines.get(lines.size() - 1);
    assertTrue(last.startsWith("jds: import interrupted: imported ") && last.endsWith("run the same command again to resume"),
        last);
    long imported = summary(last.substring(0, last.indexOf(';')) + "\n")[0];
    assertTrue(imported >= 1000 && imported < 10_000, last);
    assertEquals(0, cli.run("blobfs", "fsck", Path.of(repo, Profiles.BLOBFS_IMAGE).toString()), cli.out); // closed cleanly

    assertEquals(0, cli.run("import", "--repo-dir", repo, tree.toString()), cli.err);
    long[] s = summary(cli.out);
    assertEquals(imported, s[1], "every block the interrupted import counted is stored: " + cli.out);
    assertEquals(10_000, s[0] + s[1], cli.out);
    assertEquals(0, cli.run("repo", "verify", "--repo-dir", repo), cli.err);
    Path back = tmp.resolve("back");
    assertEquals(0, cli.run("export", "--repo-dir", repo, "--flatfs", back.toString()), cli.err);
    BlockTrees.assertSameTree(tree, back);
  }

  @Test
  void fullBlobfsImageStopsCleanlyAndAGrownRepoFinishesTheJob() throws Exception {
    Path tree = tmp.resolve("blocks");
    // large blocks, so that clusters run out before md pages (one per file, budgeted at creation:
    // growing adds clusters, not md pages)
    BlockTrees.make(tree, 200, 16_000, 64_000, 11);
    String repo = initRepo(Profiles.BLOBFS, "4MiB");
    assertEquals(Jds.EXIT_BAD_INPUT, cli.run("import", "--repo-dir", repo, tree.toString()));
    assertTrue(cli.err.contains("import stopped") && cli.err.contains("no space left on device"), cli.err);
    long imported = summary(cli.out)[0];
    assertTrue(imported > 0 && imported < 200, cli.out);
    assertEquals(0, cli.run("repo", "verify", "--repo-dir", repo), cli.err);
    assertEquals(0, cli.run("refs", "local", "--repo-dir", repo), cli.err);
    long stored = cli.out.lines().count();
    assertTrue(stored >= imported, stored + " stored, " + imported + " reported");

    assertEquals(0, cli.run("config", "--repo-dir", repo, "Datastore.StorageMax", "64MiB"), cli.err);
    assertEquals(0, cli.run("import", "--repo-dir", repo, tree.toString()), cli.err);
    long[] s = summary(cli.out);
    assertEquals(stored, s[1], cli.out);
    assertEquals(200, s[0] + s[1], cli.out);
    Path back = tmp.resolve("back");
    assertEquals(0, cli.run("export", "--repo-dir", repo, "--flatfs", back.toString()), cli.err);
    BlockTrees.assertSameTree(tree, back);
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
    String repo = initRepo(Profiles.FLATFS, "10GB");
    assertEquals(Jds.EXIT_BAD_INPUT, cli.run("import", "--repo-dir", repo, tree.toString()));
    assertEquals(50, summary(cli.out)[0], cli.out);
    assertEquals(2, summary(cli.out)[2], cli.out);
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
    String repo = initRepo(Profiles.BLOBFS, "64MiB");
    assertEquals(0, cli.run("import", "--repo-dir", repo, kubo.toString()), cli.err);
    assertEquals(200, summary(cli.out)[0], cli.out);
    assertEquals(0, Files.size(kubo.resolve("repo.lock")), "kubo's lock file stays empty");
  }

  @Test
  void kuboRepoWhoseBlocksAreNotInFlatfsNamesTheTypeFound() throws Exception {
    Path kubo = kuboRepo(1);
    Files.writeString(kubo.resolve("datastore_spec"), "{\"path\":\"pebbleds\",\"type\":\"pebbleds\"}");
    String repo = initRepo(Profiles.FLATFS, "10GB");
    assertEquals(Jds.EXIT_BAD_INPUT, cli.run("import", "--repo-dir", repo, kubo.toString()));
    assertTrue(cli.err.contains("are in a 'pebbleds' datastore, not flatfs"), cli.err);
  }

  @Test
  void lockedKuboRepoStopsTheImport() throws Exception {
    Path kubo = kuboRepo(1);
    String repo = initRepo(Profiles.FLATFS, "10GB");
    try (RepoLock held = RepoLock.acquire(kubo)) {
      assertEquals(Jds.EXIT_BAD_INPUT, cli.run("import", "--repo-dir", repo, kubo.toString()));
      assertTrue(cli.err.contains("is in use") && cli.err.contains("someone else has the lock"), cli.err);
    }
  }

  @Test
  void preMultihashKuboRepoIsRefused() throws Exception {
    Path kubo = kuboRepo(1);
    Files.writeString(kubo.resolve("version"), "11\n");
    String repo = initRepo(Profiles.FLATFS, "10GB");
    assertEquals(Jds.EXIT_BAD_INPUT, cli.run("import", "--repo-dir", repo, kubo.toString()));
    assertTrue(cli.err.contains("version 11, keyed by whole CIDs"), cli.err);
  }
}
