package org.jds.node.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class BlobfsCommandTest {
  @TempDir Path tmp;
  private StringWriter out = new StringWriter();
  private StringWriter err = new StringWriter();
  private final ByteArrayOutputStream raw = new ByteArrayOutputStream();

  private int run(String... args) {
    out = new StringWriter();
    err = new StringWriter();
    raw.reset();
    BlobfsCommand.rawOut = raw;
    CommandLine cl = Jds.commandLine();
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    return cl.execute(args);
  }

  /** A 16 MiB image of 64 KiB clusters holding {@code name}: {@code size} random bytes, also written to {@code src}. */
  private byte[] mkfsAndPut(String img, String name, Path src, int size, long seed) throws Exception {
    assertEquals(0, run("blobfs", "mkfs", img, "--size", "16M", "--cluster-size", "65536"), err.toString());
    byte[] data = new byte[size];
    new java.util.Random(seed).nextBytes(data);
    Files.write(src, data);
    assertEquals(0, run("blobfs", "put", img, name, src.toString()), err.toString());
    return data;
  }

  @AfterEach
  void restore() {
    BlobfsCommand.rawOut = System.out;
    BlobfsCommand.rawIn = System.in;
  }

  @Test
  void mkfsPutLsCatMvRmFsckDump() throws Exception {
    String img = tmp.resolve("t.img").toString();
    Path src = tmp.resolve("src.bin");
    byte[] data = mkfsAndPut(img, "/a.data", src, 200_000, 1);
    BlobfsCommand.rawIn = new ByteArrayInputStream("from stdin".getBytes());
    assertEquals(0, run("blobfs", "put", img, "/b", "-"), err.toString());
    assertEquals(0, run("blobfs", "ls", img));
    assertEquals("/a.data\n/b\n", out.toString().replace("\r", ""));
    assertEquals(0, run("blobfs", "ls", "-l", img));
    assertTrue(out.toString().contains("200000  0x100000000  /a.data"), out.toString());
    assertEquals(0, run("blobfs", "cat", img, "/a.data"));
    assertArrayEquals(data, raw.toByteArray());
    assertEquals(0, run("blobfs", "mv", img, "/b", "/a.data"));
    assertEquals(0, run("blobfs", "cat", img, "/a.data"));
    assertEquals("from stdin", raw.toString());
    assertEquals(0, run("blobfs", "rm", img, "/a.data"));
    assertEquals(0, run("blobfs", "ls", img));
    assertEquals("", out.toString());
    assertEquals(0, run("blobfs", "fsck", img), out.toString());
    assertTrue(out.toString().contains("clean"));
    assertEquals(0, run("blobfs", "dump", img));
    assertTrue(out.toString().contains("Blobstore Type: BLOBFS"), out.toString());
  }

  /** put replaces through a staging file: a put that fails (image full) leaves the old file whole. */
  @Test
  void failedPutKeepsTheOldFileAndLeavesNoStagingFile() throws Exception {
    String img = tmp.resolve("full.img").toString();
    assertEquals(0, run("blobfs", "mkfs", img, "--size", "4M", "--cluster-size", "65536"), err.toString());
    BlobfsCommand.rawIn = new ByteArrayInputStream("old value".getBytes());
    assertEquals(0, run("blobfs", "put", img, "/k", "-"), err.toString());
    BlobfsCommand.rawIn = new ByteArrayInputStream("new value".getBytes());
    assertEquals(0, run("blobfs", "put", img, "/k", "-"), err.toString());
    assertEquals(0, run("blobfs", "cat", img, "/k"));
    assertEquals("new value", raw.toString());

    BlobfsCommand.rawIn = new ByteArrayInputStream(new byte[8 << 20]); // twice the image
    assertEquals(Jds.EXIT_BAD_INPUT, run("blobfs", "put", img, "/k", "-"));
    assertTrue(err.toString().contains("no space"), err.toString());
    raw.reset();
    assertEquals(0, run("blobfs", "cat", img, "/k"));
    assertEquals("new value", raw.toString());
    assertEquals(0, run("blobfs", "ls", img));
    assertEquals("/k\n", out.toString().replace("\r", ""));
    assertEquals(0, run("blobfs", "fsck", img), out.toString());
  }

  @Test
  void directFlagOnEverySubcommand() throws Exception {
    String img = tmp.resolve("d.img").toString();
    assertEquals(0, run("blobfs", "mkfs", "--direct", img, "--size", "16M", "--cluster-size", "65536"), err.toString());
    Path src = tmp.resolve("src.bin");
    byte[] data = new byte[123_457]; // not a multiple of any block size
    new java.util.Random(2).nextBytes(data);
    Files.write(src, data);
    assertEquals(0, run("blobfs", "put", "--direct", img, "/a", src.toString()), err.toString());
    assertEquals(0, run("blobfs", "put", img, "/b", src.toString()), err.toString()); // buffered into the same image
    assertEquals(0, run("blobfs", "mv", "--direct", img, "/b", "/c"), err.toString());
    assertEquals(0, run("blobfs", "ls", "--direct", img), err.toString());
    assertEquals("/a\n/c\n", out.toString().replace("\r", ""));
    for (String name : new String[] {"/a", "/c"}) {
      assertEquals(0, run("blobfs", "cat", "--direct", img, name), err.toString());
      assertArrayEquals(data, raw.toByteArray());
      assertEquals(0, run("blobfs", "cat", img, name), err.toString());
      assertArrayEquals(data, raw.toByteArray());
    }
    assertEquals(0, run("blobfs", "rm", "--direct", img, "/c"), err.toString());
    assertEquals(0, run("blobfs", "fsck", "--direct", img), out.toString());
    assertTrue(out.toString().contains("clean"));
    assertEquals(0, run("blobfs", "dump", "--direct", img));
    assertTrue(out.toString().contains("Blobstore Type: BLOBFS"), out.toString());
  }

  @Test
  void errorsAreOneLineAndExit2() throws Exception {
    String img = tmp.resolve("e.img").toString();
    assertEquals(Jds.EXIT_BAD_INPUT, run("blobfs", "ls", img));
    assertEquals(1, err.toString().trim().split("\n").length, err.toString());
    assertTrue(err.toString().startsWith("jds: no such image"), err.toString());
    assertEquals(0, run("blobfs", "mkfs", img, "--size", "4M", "--cluster-size", "64K"));
    assertEquals(Jds.EXIT_NOT_FOUND, run("blobfs", "cat", img, "/missing"));
    assertEquals(1, err.toString().trim().split("\n").length, err.toString());
    assertEquals(Jds.EXIT_BAD_INPUT, run("blobfs", "rm", img, "x".repeat(300)));
    assertEquals(Jds.EXIT_BAD_INPUT, run("blobfs", "mkfs", tmp.resolve("n.img").toString()));
  }

  @Test
  void readOnlyCommandsLeaveADirtyFixtureUntouched() throws Exception {
    Path gz = Path.of(System.getProperty("jds.root", "..")).resolve("../shared/fixtures/spdk-blobfs-v25.05/dirty-64k.img.gz").normalize();
    if (!Files.exists(gz)) {
      if ("true".equals(System.getenv("CI"))) throw new AssertionError("missing fixture " + gz);
      org.junit.jupiter.api.Assumptions.assumeTrue(false, "fixture missing");
    }
    Path img = tmp.resolve("dirty.img");
    try (var in = new GZIPInputStream(Files.newInputStream(gz))) {
      Files.copy(in, img);
    }
    String before = sha(img);
    assertEquals(0, run("blobfs", "ls", img.toString()));
    assertTrue(out.toString().contains("/f002\n"), out.toString());
    assertEquals(0, run("blobfs", "cat", img.toString(), "/f002"));
    assertEquals(7002, raw.size());
    assertEquals(1, run("blobfs", "fsck", img.toString())); // recoverable: not cleanly unloaded, nothing damaged
    assertTrue(out.toString().contains("clean=0"), out.toString());
    assertEquals(0, run("blobfs", "dump", img.toString()));
    assertEquals(before, sha(img));
  }

  @Test
  void fsckTellsCleanFromRecoverableFromCorruptAndRepairRebuildsAFlippedMask() throws Exception {
    String img = tmp.resolve("m.img").toString();
    Path src = tmp.resolve("v.bin");
    byte[] data = mkfsAndPut(img, "/v", src, 300_000, 3);
    assertEquals(0, run("blobfs", "fsck", img));
    assertEquals("clean\n", out.toString());
    // four flipped bytes over the cluster mask's first bits: the md cluster and the file's clusters
    try (java.io.RandomAccessFile f = new java.io.RandomAccessFile(img, "rw")) {
      for (int i = 0; i < 4; i++) {
        f.seek(2 * 4096 + 5 + i);
        int b = f.read();
        f.seek(2 * 4096 + 5 + i);
        f.write(b ^ 0xff);
      }
    }
    assertEquals(Jds.EXIT_BAD_INPUT, run("blobfs", "put", img, "/w", src.toString()));
    assertTrue(err.toString().startsWith("jds: damaged, not opened for writing"), err.toString());
    assertEquals(1, err.toString().trim().split("\n").length, err.toString());
    assertEquals(0, run("blobfs", "cat", img, "/v"));
    assertArrayEquals(data, raw.toByteArray());
    assertTrue(err.toString().contains("jds: warning: " + img + ": used cluster mask: metadata-region clusters marked free: 0"),
        err.toString());
    assertEquals(2, run("blobfs", "fsck", img));
    assertTrue(out.toString().contains("\ncorrupt: "), out.toString());
    assertEquals(1, run("blobfs", "fsck", "--repair", img));
    assertTrue(out.toString().contains("repair: rebuilt") && out.toString().endsWith("clean\n"), out.toString());
    assertEquals(0, run("blobfs", "fsck", img));
    assertEquals(0, run("blobfs", "put", img, "/w", src.toString()), err.toString());
    assertEquals(0, run("blobfs", "cat", img, "/v"));
    assertArrayEquals(data, raw.toByteArray());
    assertEquals(0, run("blobfs", "fsck", img), out.toString());
    String help = Jds.commandLine().getSubcommands().get("blobfs").getSubcommands().get("fsck").getUsageMessage();
    assertTrue(help.contains("Exit codes:") && help.contains("1   recoverable") && help.contains("--repair"), help);
  }

  private static String sha(Path p) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p)));
  }
}
