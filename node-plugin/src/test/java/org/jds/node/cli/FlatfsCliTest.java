package org.jds.node.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code jds flatfs ...} and {@code jds ds ...}, in-process. */
class FlatfsCliTest {
  @TempDir Path tmp;
  private StringWriter out = new StringWriter();
  private StringWriter err = new StringWriter();
  private ByteArrayOutputStream raw = new ByteArrayOutputStream();
  private byte[] stdin = new byte[0];

  private final CliHarness cli = new CliHarness();

  private int run(String... args) {
    cli.stdin = stdin;
    int rc = cli.run(args);
    out = cli.out;
    err = cli.err;
    raw = cli.raw;
    return rc;
  }

  private String dir(String name) {
    return tmp.resolve(name).toString();
  }

  @Test
  void createAcceptsGosShardFunForms() throws Exception {
    assertEquals(0, run("flatfs", "create", dir("a"), "next-to-last/2"));
    assertEquals("/repo/flatfs/shard/v1/next-to-last/2\n", Files.readString(tmp.resolve("a/SHARDING")));
    assertTrue(Files.exists(tmp.resolve("a/_README")));
    assertEquals(0, run("flatfs", "create", dir("b"), "v1/prefix/5"));
    assertEquals("/repo/flatfs/shard/v1/prefix/5\n", Files.readString(tmp.resolve("b/SHARDING")));
    assertEquals(0, run("flatfs", "create", dir("c"), "/repo/flatfs/shard/v1/suffix/3"));
    assertEquals(Jds.EXIT_BAD_INPUT, run("flatfs", "create", dir("a"), "next-to-last/2"));
    assertEquals("jds: datastore already exists\n", err.toString());
    assertEquals(Jds.EXIT_BAD_INPUT, run("flatfs", "create", dir("d"), "middle/2"));
    assertEquals("jds: expected 'prefix', 'suffix' or 'next-to-last' got: middle\n", err.toString());
    assertEquals(Jds.EXIT_BAD_INPUT, run("flatfs", "create", dir("e"), ""));
    assertEquals(Jds.EXIT_BAD_INPUT, run("flatfs", "create", dir("f")));
    assertEquals(Jds.EXIT_BAD_INPUT, run("flatfs", "create", tmp.resolve("no/such/parent").toString(), "prefix/2"));
  }

  @Test
  void upgradeDowngradeAndMove() throws Exception {
    run("flatfs", "create", dir("old"), "prefix/3");
    for (String k : new String[] {"AAAA", "BBBB", "CCCC", "DDDD"}) {
      stdin = k.getBytes(UTF_8);
      assertEquals(0, run("ds", "--store", "flatfs:" + dir("old"), "--no-sync", "put", "/" + k));
    }
    assertEquals(Jds.EXIT_BAD_INPUT, run("flatfs", "upgrade", dir("old"), "3"));
    assertTrue(err.toString().contains("file exists"), err.toString());
    assertEquals(0, run("flatfs", "downgrade", dir("old")));
    assertFalse(Files.exists(tmp.resolve("old/SHARDING")));
    assertEquals(Jds.EXIT_BAD_INPUT, run("flatfs", "upgrade", dir("old"), "x"));
    assertEquals("jds: strconv.Atoi: parsing \"x\": invalid syntax\n", err.toString());
    assertEquals(0, run("flatfs", "upgrade", dir("old"), "3"));

    assertEquals(0, run("flatfs", "create", dir("new"), "next-to-last/2"));
    assertEquals(0, run("flatfs", "move", dir("old"), dir("new")));
    assertTrue(err.toString().startsWith("Moving Keys...\n") && err.toString().endsWith("All Done.\n"), err.toString());
    Files.delete(tmp.resolve("old"));
    assertEquals(0, run("ds", "--store", "flatfs:" + dir("new"), "get", "/CCCC"));
    assertArrayEquals("CCCC".getBytes(UTF_8), raw.toByteArray());
    assertTrue(Files.exists(tmp.resolve("new/CC/CCCC.data")));
    assertEquals(Jds.EXIT_BAD_INPUT, run("flatfs", "downgrade", dir("new")));
  }

  @Test
  void missingVerbPrintsUsage() {
    assertEquals(Jds.EXIT_BAD_INPUT, run("flatfs"));
    assertTrue(err.toString().contains("Usage: jds flatfs"), err.toString());
    assertTrue(err.toString().contains("create") && err.toString().contains("move"), err.toString());
    assertEquals(Jds.EXIT_BAD_INPUT, run("ds", "--store", "flatfs:" + dir("x")));
    assertTrue(err.toString().contains("Usage: jds ds"), err.toString());
  }

  @Test
  void dsOperations() throws Exception {
    run("flatfs", "create", dir("s"), "next-to-last/2");
    String store = "flatfs:" + dir("s");
    Path file = tmp.resolve("value.bin");
    byte[] bin = {0, 1, 2, (byte) 0xff, '\n'};
    Files.write(file, bin);
    assertEquals(0, run("ds", "--store", store, "put", "/BIN", file.toString()));
    assertEquals(0, run("ds", "--store", store, "--sync", "get", "/BIN"));
    assertArrayEquals(bin, raw.toByteArray());
    assertEquals(0, run("ds", "--store", store, "has", "/BIN"));
    assertEquals("true\n", out.toString());
    assertEquals(0, run("ds", "--store", store, "size", "/BIN"));
    assertEquals("5\n", out.toString());
    stdin = "hello".getBytes(UTF_8);
    assertEquals(0, run("ds", "--store", store, "put", "/TXT", "-"));
    assertEquals(0, run("ds", "--store", store, "ls", "--sizes"));
    assertEquals(java.util.Set.of("/BIN\t5", "/TXT\t5"), java.util.Set.of(out.toString().split("\n")));
    assertEquals(0, run("ds", "--store", store, "ls"));
    assertEquals(java.util.Set.of("/BIN", "/TXT"), java.util.Set.of(out.toString().split("\n")));
    assertEquals(0, run("ds", "--store", store, "du"));
    assertTrue(Long.parseLong(out.toString().trim()) > 10);
    assertEquals(0, run("ds", "--store", store, "rm", "/BIN"));
    assertEquals(0, run("ds", "--store", store, "rm", "/BIN"));

    assertEquals(Jds.EXIT_NOT_FOUND, run("ds", "--store", store, "get", "/BIN"));
    assertEquals("jds: datastore: key not found\n", err.toString());
    assertEquals(0, raw.size());
    assertEquals(Jds.EXIT_NOT_FOUND, run("ds", "--store", store, "size", "/BIN"));
    assertEquals(Jds.EXIT_NOT_FOUND, run("ds", "--store", store, "has", "/BIN"));
    assertEquals("false\n", out.toString());
    assertEquals(Jds.EXIT_BAD_INPUT, run("ds", "--store", store, "put", "/lower", file.toString()));
    assertEquals("jds: when putting '\"/lower\"': key not supported by flatfs; " + org.jds.flatfs.Keys.RULE + "\n", err.toString());
    assertEquals(Jds.EXIT_BAD_INPUT, run("ds", "--store", store, "put", "/X", tmp.resolve("missing").toString()));
    assertEquals(Jds.EXIT_BAD_INPUT, run("ds", "--store", "nope:" + dir("s"), "ls"));
    assertEquals(1, err.toString().split("\n").length);
    assertEquals(Jds.EXIT_BAD_INPUT, run("ds", "--store", "flatfs:" + dir("absent"), "ls"));
    assertTrue(err.toString().startsWith("jds: datastore directory does not exist: " + dir("absent") + " (make it with: jds flatfs create "), err.toString());
    assertEquals(Jds.EXIT_BAD_INPUT, run("ds", "get", "/X"));
  }
}
