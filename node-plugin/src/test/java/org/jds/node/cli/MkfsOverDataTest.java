package org.jds.node.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code jds blobfs mkfs} never formats over data unless told to with --force. */
class MkfsOverDataTest {
  @TempDir Path tmp;
  private final CliHarness cli = new CliHarness();

  @Test
  void anImageWithKeysIsRefusedAndKeptUntilForce() throws Exception {
    Path img = tmp.resolve("a.img");
    assertEquals(0, cli.run("blobfs", "mkfs", img.toString(), "--size", "8M", "--datastore"), cli.err());
    cli.stdin = "v".getBytes();
    assertEquals(0, cli.run("ds", "--store", "blobfs:" + img, "put", "/KEY"), cli.err());
    Map<String, String> before = CliHarness.contents(img);
    assertEquals(Jds.EXIT_BAD_INPUT, cli.run("blobfs", "mkfs", img.toString(), "--datastore"));
    assertTrue(cli.err().matches("jds: \\Q" + img + "\\E holds a blobstore \\(bstype BLOBFS, \\d+ blob\\(s\\), 4096-byte"
        + " clusters\\); mkfs would destroy it\\. Name a new file, or add --force to overwrite it\n"), cli.err());
    assertEquals(Jds.EXIT_BAD_INPUT, cli.run("blobfs", "mkfs", img.toString(), "--size", "16M"));
    assertEquals(before, CliHarness.contents(img));
    assertEquals(0, cli.run("ds", "--store", "blobfs:" + img, "has", "/KEY"));

    assertEquals(0, cli.run("blobfs", "mkfs", img.toString(), "--datastore", "--force"), cli.err());
    assertEquals(Jds.EXIT_NOT_FOUND, cli.run("ds", "--store", "blobfs:" + img, "has", "/KEY"));
  }

  @Test
  void aFileWithOtherDataIsRefusedAZeroFileIsFormatted() throws Exception {
    Path other = tmp.resolve("notes.txt");
    byte[] text = new byte[3 << 20];
    text[100] = 'x';
    text[(2 << 20) + 5] = 'y';
    Files.write(other, text);
    assertEquals(Jds.EXIT_BAD_INPUT, cli.run("blobfs", "mkfs", other.toString()));
    assertTrue(cli.err().contains("holds 2 bytes of non-zero data (not a blobstore)"), cli.err());
    assertEquals('x', Files.readAllBytes(other)[100]);

    Path zeros = tmp.resolve("zeros.img");
    Files.write(zeros, new byte[4 << 20]);
    assertEquals(0, cli.run("blobfs", "mkfs", zeros.toString(), "--cluster-size", "64K"), cli.err());
    assertEquals(0, cli.run("blobfs", "fsck", zeros.toString()), cli.out());
  }
}
