package org.jds.node.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code jds ds --store blobfs:IMG ...} and {@code jds ds export}, in-process. */
class BlobfsDsCliTest {
  @TempDir Path tmp;
  private StringWriter out = new StringWriter();
  private StringWriter err = new StringWriter();
  private ByteArrayOutputStream raw = new ByteArrayOutputStream();

  private final CliHarness cli = new CliHarness();

  private int run(String... args) {
    int rc = cli.run(args);
    out = cli.out;
    err = cli.err;
    raw = cli.raw;
    return rc;
  }

  private String mkfs(String name) {
    String img = tmp.resolve(name).toString();
    assertEquals(0, run("blobfs", "mkfs", img, "--size", "64M", "--datastore"), err.toString());
    assertTrue(out.toString().contains("cluster 4096"), out.toString());
    return "blobfs:" + img;
  }

  @Test
  void everyVerbOnAnImageMadeByMkfs() throws Exception {
    String store = mkfs("a.img");
    Path value = tmp.resolve("v");
    Files.write(value, "hello blobfs".getBytes(UTF_8));
    assertEquals(0, run("ds", "--store", store, "put", "/CIQHELLO", value.toString()), err.toString());
    assertEquals(0, run("ds", "--store", store, "get", "/CIQHELLO"));
    assertArrayEquals("hello blobfs".getBytes(UTF_8), raw.toByteArray());
    assertEquals(0, run("ds", "--store", store, "has", "/CIQHELLO"));
    assertEquals("true\n", out.toString());
    assertEquals(0, run("ds", "--store", store, "size", "/CIQHELLO"));
    assertEquals("12\n", out.toString());
    assertEquals(0, run("ds", "--store", store, "ls", "--sizes"));
    assertEquals("/CIQHELLO\t12\n", out.toString());
    assertEquals(0, run("ds", "--store", store, "du"));
    assertTrue(Long.parseLong(out.toString().trim()) >= 2 * 4096, out.toString());
    // The image became a datastore with the default shard function.
    try (var s = org.jds.blobfs.datastore.BlobfsImage.open(Path.of(store.substring(7)), false)) {
      assertEquals("/repo/flatfs/shard/v1/next-to-last/2\n", new String(s.readAll("SHARDING"), UTF_8));
      assertTrue(s.fileSystem().list().contains("/CIQHELLO.data"));
    }
    assertEquals(0, run("ds", "--store", store, "rm", "/CIQHELLO"));
    assertEquals(Jds.EXIT_NOT_FOUND, run("ds", "--store", store, "has", "/CIQHELLO"));
    assertEquals(Jds.EXIT_NOT_FOUND, run("ds", "--store", store, "get", "/CIQHELLO"));
    assertEquals(Jds.EXIT_BAD_INPUT, run("ds", "--store", store, "put", "/lower/case", value.toString()));
  }

  @Test
  void shardOptionOnFirstUseAndMismatch() {
    String store = mkfs("p.img");
    assertEquals(0, run("ds", "--store", store, "--shard", "prefix/2", "ls"), err.toString());
    assertEquals(0, run("ds", "--store", store, "ls"));
    assertEquals(Jds.EXIT_BAD_INPUT, run("ds", "--store", store, "--shard", "next-to-last/2", "ls"));
    assertEquals("jds: specified shard func '/repo/flatfs/shard/v1/next-to-last/2' does not match repo shard func "
        + "'/repo/flatfs/shard/v1/prefix/2'\n", err.toString());
    assertEquals(Jds.EXIT_BAD_INPUT, run("ds", "--store", "blobfs:" + tmp.resolve("missing.img"), "ls"));
    assertEquals(Jds.EXIT_BAD_INPUT, run("ds", "--store", "nofs:x", "ls"));
  }

  @Test
  void exportFlatfsToBlobfsAndBackRebuildsTheTree() throws Exception {
    Path src = tmp.resolve("src");
    assertEquals(0, run("flatfs", "create", src.toString(), "suffix/3"));
    for (int i = 0; i < 40; i++) {
      Path v = tmp.resolve("v" + i);
      Files.write(v, new byte[i * 97]);
      assertEquals(0, run("ds", "--store", "flatfs:" + src, "--no-sync", "put", "/KEY" + i, v.toString()));
    }
    String img = mkfs("x.img");
    assertEquals(0, run("ds", "--store", "flatfs:" + src, "export", "--to", img), err.toString());
    assertEquals("40\n", out.toString());
    // SPDK's FUSE listing fails on a name with '/' after the first character: there is none.
    try (var s = org.jds.blobfs.datastore.BlobfsImage.open(Path.of(img.substring(7)), false)) {
      for (String n : s.fileSystem().list()) assertTrue(n.matches("^/[^/]+$"), n);
    }
    Path back = tmp.resolve("back");
    assertEquals(0, run("ds", "--store", img, "export", "--to", "flatfs:" + back), err.toString());
    assertEquals(files(src), files(back));
    assertEquals(Jds.EXIT_BAD_INPUT, run("ds", "--store", img, "export", "--to", img));
  }

  /** The README's own example, literally (sparse files): mkfs --size 10G --datastore, then grow to 20G. */
  @Test
  void theReadmeGrowExampleWorks() throws Exception {
    String img = tmp.resolve("big.img").toString();
    assertEquals(0, run("blobfs", "mkfs", img, "--size", "10G", "--datastore"), err.toString());
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("can grow to (\\d+) bytes").matcher(out.toString());
    assertTrue(m.find(), out.toString());
    long max = Long.parseLong(m.group(1)); // 4x, rounded up to whole pages of the cluster mask
    assertTrue(max >= 40L << 30 && max < 41L << 30, out.toString());
    Path value = tmp.resolve("v");
    Files.write(value, "before".getBytes(UTF_8));
    assertEquals(0, run("ds", "--store", "blobfs:" + img, "put", "/CIQBEFORE", value.toString()), err.toString());
    assertEquals(0, run("blobfs", "grow", img, "20G"), err.toString());
    assertEquals(20L << 30, Files.size(Path.of(img)));
    Files.write(value, "after".getBytes(UTF_8));
    assertEquals(0, run("ds", "--store", "blobfs:" + img, "put", "/CIQAFTER", value.toString()), err.toString());
    assertEquals(0, run("ds", "--store", "blobfs:" + img, "get", "/CIQBEFORE"));
    assertArrayEquals("before".getBytes(UTF_8), raw.toByteArray());
    assertEquals(0, run("blobfs", "fsck", img), out.toString());
    assertEquals(Jds.EXIT_BAD_INPUT, run("blobfs", "grow", img, "41G"));
    assertTrue(err.toString().contains("can grow to at most " + max + " bytes") && err.toString().contains("--max-size"),
        err.toString());
    String room = tmp.resolve("room.img").toString();
    assertEquals(0, run("blobfs", "mkfs", room, "--size", "1G", "--datastore", "--max-size", "100G"), err.toString());
    assertEquals(0, run("blobfs", "grow", room, "100G"), err.toString());
  }

  @Test
  void growMakesAFullDatastoreImageUsableAgain() throws Exception {
    String img = tmp.resolve("g.img").toString();
    assertEquals(0, run("blobfs", "mkfs", img, "--size", "1M", "--datastore"), err.toString());
    Path v = tmp.resolve("big");
    Files.write(v, new byte[500_000]);
    assertEquals(0, run("ds", "--store", "blobfs:" + img, "--no-sync", "put", "/A", v.toString()), err.toString());
    assertEquals(Jds.EXIT_BAD_INPUT, run("ds", "--store", "blobfs:" + img, "--no-sync", "put", "/B", v.toString()));
    assertTrue(err.toString().contains("no space left on device"), err.toString());
    assertEquals(0, run("blobfs", "grow", img, "8M"), err.toString());
    assertEquals(0, run("ds", "--store", "blobfs:" + img, "--no-sync", "put", "/B", v.toString()), err.toString());
    assertEquals(0, run("ds", "--store", "blobfs:" + img, "size", "/A"));
    assertEquals("500000\n", out.toString());
    assertEquals(0, run("blobfs", "fsck", img), out.toString());
    assertEquals(Jds.EXIT_BAD_INPUT, run("blobfs", "grow", img, "4M"));
    assertEquals(Jds.EXIT_BAD_INPUT, run("blobfs", "grow", img, "1T"));
    assertTrue(err.toString().contains("can grow to at most"), err.toString());
  }

  /** Relative path → content of every file but the ones flatfs rewrites on its own. */
  private static Map<String, String> files(Path root) throws Exception {
    Map<String, String> out = new TreeMap<>();
    try (Stream<Path> s = Files.walk(root)) {
      for (Path p : (Iterable<Path>) s::iterator) {
        String rel = root.relativize(p).toString();
        if (Files.isRegularFile(p) && !rel.equals("diskUsage.cache") && !rel.startsWith(".temp")) {
          out.put(rel, java.util.HexFormat.of().formatHex(Files.readAllBytes(p)));
        }
      }
    }
    return out;
  }
}
