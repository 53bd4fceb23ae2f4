package org.jds.node.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class InitCliTest {
  @TempDir Path tmp;
  private StringWriter out;
  private StringWriter err;

  private int run(String... args) {
    out = new StringWriter();
    err = new StringWriter();
    CommandLine cl = Jds.commandLine();
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    return cl.execute(args);
  }

  @Test
  void initDefaultsToBlobfsAndRefusesToRunTwice() throws Exception {
    Path repo = tmp.resolve("r");
    assertEquals(0, run("init", "--repo-dir", repo.toString(), "--blobfs-size", "32MiB"), err.toString());
    assertTrue(out.toString().startsWith("initializing jds repo at " + repo), out.toString());
    assertEquals(32L << 20, Files.size(repo.resolve("blocks.img")));
    assertEquals(Jds.EXIT_BAD_INPUT, run("init", "--repo-dir", repo.toString()));
    assertTrue(err.toString().contains("already exists"), err.toString());
    assertEquals(0, run("init", "--repo-dir", repo.toString(), "--blobfs-size", "32MiB", "--force"), err.toString());
  }

  @Test
  void configGetSetAndRepoGrow() throws Exception {
    Path repo = tmp.resolve("g");
    assertEquals(0, run("init", "--repo-dir", repo.toString(), "--blobfs-size", "32MiB"), err.toString());
    assertEquals(0, run("config", "--repo-dir", repo.toString(), "Datastore.StorageMax"));
    assertEquals("32MiB\n", out.toString());
    assertEquals(0, run("config", "--repo-dir", repo.toString(), "Datastore.StorageMax", "48MiB"), err.toString());
    assertEquals(0, run("repo", "grow", "--repo-dir", repo.toString()), err.toString());
    assertEquals("blobfs at /blocks: " + (48L << 20) + " bytes\n", out.toString());
    assertEquals(48L << 20, Files.size(repo.resolve("blocks.img")));
    assertEquals(Jds.EXIT_NOT_FOUND, run("config", "--repo-dir", repo.toString(), "No.Such.Key"));
  }

  @Test
  void unknownProfileIsBadInput() {
    assertEquals(Jds.EXIT_BAD_INPUT, run("init", "--repo-dir", tmp.resolve("x").toString(), "--profile", "badgerds"));
    assertTrue(err.toString().contains("unknown profile: badgerds (known: blobfs, flatfs, levelds, s3)"), err.toString());
  }
}
