package org.jds.node.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Verbs that only read (ds get/has/size/ls/du) open the store read-only: nothing in it changes (not
 * a byte, not a modification time, not the .temp files of a writer), so they work on a read-only
 * directory or an immutable image. Tests run as root, where permission bits stop nothing: the
 * checks are that nothing changed, and with {@code chattr +i} where the file system allows it.
 */
class ReadOnlyStoreTest {
  @TempDir Path tmp;
  private final CliHarness cli = new CliHarness();
  private final List<Path> immutable = new ArrayList<>();

  @AfterEach
  void mutableAgain() throws Exception {
    for (Path p : immutable) {
      chattr("-i", p);
    }
  }

  private String store(String kind) throws Exception {
    Path loc = tmp.resolve(kind.equals("flatfs") ? "dir" : "a.img");
    if (kind.equals("flatfs")) {
      assertEquals(0, cli.run("flatfs", "create", loc.toString(), "next-to-last/2"), cli.err());
    } else {
      assertEquals(0, cli.run("blobfs", "mkfs", loc.toString(), "--size", "8M", "--datastore"), cli.err());
    }
    for (int i = 0; i < 3; i++) {
      cli.stdin = ("value " + i).getBytes();
      assertEquals(0, cli.run("ds", "--store", kind + ":" + loc, "put", "/KEY" + i), cli.err());
    }
    return kind + ":" + loc;
  }

  private void readEverything(String store) {
    assertEquals(0, cli.run("ds", "--store", store, "get", "/KEY1"), cli.err());
    assertEquals("value 1", cli.raw.toString());
    assertEquals(0, cli.run("ds", "--store", store, "has", "/KEY2"), cli.err());
    assertEquals(Jds.EXIT_NOT_FOUND, cli.run("ds", "--store", store, "has", "/NOPE"), cli.err());
    assertEquals(0, cli.run("ds", "--store", store, "size", "/KEY0"), cli.err());
    assertEquals("7\n", cli.out());
    assertEquals(0, cli.run("ds", "--store", store, "ls"), cli.err());
    assertEquals(3, cli.out().split("\n").length, cli.out());
    assertEquals(0, cli.run("ds", "--store", store, "du"), cli.err());
  }

  @Test
  void readingAFlatfsStoreChangesNothingNotEvenAWritersTempFiles() throws Exception {
    String store = store("flatfs");
    Path dir = tmp.resolve("dir");
    Path inFlight = dir.resolve(".temp/temp-12345");
    Files.write(inFlight, "a writer's put in flight".getBytes());
    Files.delete(dir.resolve("diskUsage.cache")); // computed in memory, not written
    Map<String, String> before = snapshot(dir);
    readEverything(store);
    assertEquals(before, snapshot(dir));
    assertEquals(0, cli.run("ds", "--store", store, "export", "--to", "flatfs:" + tmp.resolve("copy")), cli.err());
    assertEquals(before, snapshot(dir));
  }

  @Test
  void readingABlobfsImageChangesNothing() throws Exception {
    String store = store("blobfs");
    Path img = tmp.resolve("a.img");
    Map<String, String> before = snapshot(img);
    readEverything(store);
    assertEquals(0, cli.run("ds", "--store", store, "export", "--to", "flatfs:" + tmp.resolve("copy")), cli.err());
    assertEquals(before, snapshot(img));
  }

  @Test
  void immutableStoresAreReadableAndRefuseWrites() throws Exception {
    String flat = store("flatfs");
    String blob = store("blobfs");
    for (Path p : new Path[] {tmp.resolve("dir"), tmp.resolve("dir/.temp"), tmp.resolve("a.img")}) {
      if (!chattr("+i", p)) {
        Assumptions.assumeFalse(!"true".equals(System.getenv("CI")), "chattr +i is not available here");
        throw new AssertionError("chattr +i failed on " + p);
      }
      immutable.add(p);
    }
    readEverything(flat);
    readEverything(blob);
    cli.stdin = "x".getBytes();
    assertEquals(Jds.EXIT_BAD_INPUT, cli.run("ds", "--store", flat, "put", "/NEW"));
    assertEquals(Jds.EXIT_BAD_INPUT, cli.run("ds", "--store", blob, "put", "/NEW"));
    assertEquals(1, cli.err().trim().split("\n").length, cli.err());
  }

  private static boolean chattr(String flag, Path p) throws Exception {
    try {
      Process c = new ProcessBuilder("chattr", flag, p.toString()).redirectErrorStream(true).start();
      c.getInputStream().readAllBytes();
      return c.waitFor() == 0;
    } catch (java.io.IOException e) {
      return false; // no chattr
    }
  }

  /** Every path under {@code root} (or the file itself): modification time and content. */
  private static Map<String, String> snapshot(Path root) throws Exception {
    Map<String, String> m = new TreeMap<>();
    try (Stream<Path> s = Files.walk(root)) {
      for (Path p : (Iterable<Path>) s::iterator) {
        FileTime t = Files.getLastModifiedTime(p);
        m.put(root.relativize(p).toString(), t.toMillis() + (Files.isRegularFile(p)
            ? " " + java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(Files.readAllBytes(p))) : ""));
      }
    }
    return m;
  }
}
