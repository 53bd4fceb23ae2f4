package org.jds.node.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.jds.flatfs.Keys;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same exit codes in every command group (0 ok, 1 a key or name not found, 2 bad input or
 * corruption), and one-line messages that name the path and say what to do.
 */
class ExitCodesTest {
  @TempDir Path tmp;
  private final CliHarness cli = new CliHarness();

  private void exits(int code, String expectInErr, String... args) {
    assertEquals(code, cli.run(args), String.join(" ", args) + ": " + cli.err());
    if (expectInErr != null) {
      assertTrue(cli.err().contains(expectInErr), String.join(" ", args) + ": " + cli.err());
      assertEquals(1, cli.err().trim().split("\n").length, cli.err());
    }
  }

  @Test
  void notFoundIsOneInEveryGroup() throws Exception {
    Path dir = tmp.resolve("d");
    Path img = tmp.resolve("i.img");
    exits(0, null, "flatfs", "create", dir.toString(), "prefix/2");
    exits(0, null, "blobfs", "mkfs", img.toString(), "--size", "8M", "--datastore");
    for (String store : new String[] {"flatfs:" + dir, "blobfs:" + img}) {
      exits(Jds.EXIT_NOT_FOUND, "not found", "ds", "--store", store, "get", "/MISSING");
      exits(Jds.EXIT_NOT_FOUND, "not found", "ds", "--store", store, "size", "/MISSING");
      exits(Jds.EXIT_NOT_FOUND, null, "ds", "--store", store, "has", "/MISSING");
    }
    exits(Jds.EXIT_NOT_FOUND, "/missing", "blobfs", "cat", img.toString(), "/missing");
    exits(Jds.EXIT_NOT_FOUND, "/missing", "blobfs", "rm", img.toString(), "/missing");
    exits(Jds.EXIT_NOT_FOUND, "/missing", "blobfs", "mv", img.toString(), "/missing", "/other");
  }

  @Test
  void aStoreInUseByAWriterIsRefusedWithItsHolder() throws Exception {
    Path img = tmp.resolve("i.img");
    Path dir = tmp.resolve("d");
    exits(0, null, "blobfs", "mkfs", img.toString(), "--size", "8M", "--datastore");
    exits(0, null, "flatfs", "create", dir.toString(), "prefix/2");
    cli.stdin = "v".getBytes();
    try (var a = org.jds.node.plugin.builtin.BlobfsPlugin.open(img, null, false);
        var b = org.jds.flatfs.FlatfsDatastore.open(new org.jds.flatfs.storage.LocalStorage(tmp), "d", false)) {
      exits(Jds.EXIT_BAD_INPUT, img + ": in use (held by this process)", "ds", "--store", "blobfs:" + img, "put", "/K");
      exits(Jds.EXIT_BAD_INPUT, "in use by a writer (held by this process)", "ds", "--store", "blobfs:" + img, "ls");
      exits(Jds.EXIT_BAD_INPUT, img + ": in use by a writer (held by this process)", "blobfs", "ls", img.toString());
      exits(Jds.EXIT_BAD_INPUT, "datastore " + dir + " is open for writing elsewhere", "ds", "--store", "flatfs:" + dir, "put", "/K");
      exits(0, null, "ds", "--store", "flatfs:" + dir, "ls"); // flatfs readers need no lock
    }
    exits(0, null, "ds", "--store", "blobfs:" + img, "put", "/K");
  }

  @Test
  void badInputIsTwoAndNamesThePathAndTheFix() throws Exception {
    Path absent = tmp.resolve("absent");
    exits(Jds.EXIT_BAD_INPUT, "datastore directory does not exist: " + absent + " (make it with: jds flatfs create",
        "ds", "--store", "flatfs:" + absent, "ls");
    exits(Jds.EXIT_BAD_INPUT, "no such image or device: " + tmp.resolve("no.img"), "blobfs", "ls", tmp.resolve("no.img").toString());
    exits(Jds.EXIT_BAD_INPUT, "no such image or device", "blobfs", "cat", tmp.resolve("no.img").toString(), "/x");

    Path dir = tmp.resolve("d");
    exits(0, null, "flatfs", "create", dir.toString(), "prefix/2");
    cli.stdin = "v".getBytes();
    exits(Jds.EXIT_BAD_INPUT, Keys.RULE, "ds", "--store", "flatfs:" + dir, "put", "/lower-case");

    Files.writeString(dir.resolve("SHARDING"), "garbage");
    exits(Jds.EXIT_BAD_INPUT, dir.resolve("SHARDING") + ": invalid or no prefix in shard identifier: garbage",
        "ds", "--store", "flatfs:" + dir, "ls");
    exits(Jds.EXIT_BAD_INPUT, dir.resolve("SHARDING") + ": invalid or no prefix in shard identifier: garbage",
        "ds", "--store", "flatfs:" + dir, "put", "/KEY");
    Files.delete(dir.resolve("SHARDING"));
    exits(Jds.EXIT_BAD_INPUT, dir.resolve("SHARDING") + " is missing", "ds", "--store", "flatfs:" + dir, "ls");
    exits(Jds.EXIT_BAD_INPUT, "Unknown option", "blobfs", "ls", "--no-such-option", "x");
  }
}
