package org.jds.node.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** jds block put/get/stat/rm and refs local: kubo's output shapes and exit codes. */
class BlockCliTest {
  /** node.md §6: the raw block "hello". */
  static final String HELLO = "bafkreibm6jg3ux5qumhcn2b3flc3tyu6dmlb4xa7u5bf44yegnrjhc4yeq";
  @TempDir Path tmp;
  private final CliRun cli = new CliRun();

  @Test
  void kuboShapes() throws Exception {
    String repo = tmp.resolve("r").toString();
    assertEquals(0, cli.run("init", "--repo-dir", repo, "--blobfs-size", "32MiB"), cli.err);
    Path f = tmp.resolve("hello");
    Files.writeString(f, "hello");
    assertEquals(0, cli.run("block", "put", "--repo-dir", repo, f.toString()), cli.err);
    assertEquals(HELLO + "\n", cli.out);
    assertEquals(0, cli.run("block", "stat", "--repo-dir", repo, HELLO), cli.err);
    assertEquals("Key: " + HELLO + "\nSize: 5\n", cli.out);
    // lookups ignore the codec: the dag-cbor CID of the same multihash finds the block
    String dagCbor = "bafyrei" + HELLO.substring("bafkrei".length());
    assertEquals(0, cli.run("block", "stat", "--repo-dir", repo, dagCbor), cli.err);

    ByteArrayOutputStream raw = new ByteArrayOutputStream();
    OutputStream saved = BlockCommand.rawOut;
    BlockCommand.rawOut = raw;
    try {
      assertEquals(0, cli.run("block", "get", "--repo-dir", repo, HELLO), cli.err);
    } finally {
      BlockCommand.rawOut = saved;
    }
    assertArrayEquals("hello".getBytes(), raw.toByteArray());

    assertEquals(0, cli.run("refs", "local", "--repo-dir", repo), cli.err);
    assertEquals(HELLO + "\n", cli.out);
    assertEquals(0, cli.run("block", "rm", "--repo-dir", repo, HELLO), cli.err);
    assertEquals("removed " + HELLO + "\n", cli.out);
    assertEquals(Jds.EXIT_NOT_FOUND, cli.run("block", "rm", "--repo-dir", repo, HELLO));
    assertTrue(cli.err.contains("cannot remove " + HELLO + ": ipld: could not find " + HELLO), cli.err);
    assertTrue(cli.err.contains("some blocks not removed"), cli.err);
    assertEquals(Jds.EXIT_NOT_FOUND, cli.run("block", "stat", "--repo-dir", repo, HELLO));
    assertEquals("jds: block was not found locally (offline): ipld: could not find " + HELLO + "\n", cli.err);
    assertEquals(Jds.EXIT_BAD_INPUT, cli.run("block", "stat", "--repo-dir", repo, "notacid"));
    assertTrue(cli.err.contains("invalid CID 'notacid'"), cli.err);
  }
}
