package org.jds.node.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A command that reads one store and writes another refuses the same store under another name. */
class SameStoreTest {
  @TempDir Path tmp;
  private final CliHarness cli = new CliHarness();

  private void put(String store, int n) {
    for (int i = 0; i < n; i++) {
      cli.stdin = ("value " + i).getBytes();
      assertEquals(0, cli.run("ds", "--store", store, "--no-sync", "put", "/KEY" + i), cli.err());
    }
  }

  private void refused(Path unchanged, String... args) throws Exception {
    Map<String, String> before = CliHarness.contents(unchanged);
    assertEquals(Jds.EXIT_BAD_INPUT, cli.run(args), cli.out());
    assertEquals(1, cli.err().trim().split("\n").length, cli.err());
    assertTrue(cli.err().contains("same store") || cli.err().contains("lies inside"), cli.err());
    assertEquals(before, CliHarness.contents(unchanged));
  }

  @Test
  void exportOfAnImageOntoItselfUnderAnotherNameIsRefused() throws Exception {
    Path a = tmp.resolve("a.img");
    assertEquals(0, cli.run("blobfs", "mkfs", a.toString(), "--size", "8M", "--datastore"), cli.err());
    put("blobfs:" + a, 5);
    Path b = tmp.resolve("b.img");
    Files.copy(a, b);
    Path link = tmp.resolve("link.img");
    Files.createSymbolicLink(link, b);
    Path hard = tmp.resolve("hard.img");
    Files.createLink(hard, b);
    String dot = tmp.resolve(".").resolve("b.img").toString();
    refused(b, "ds", "--store", "blobfs:" + b, "export", "--to", "blobfs:" + dot);
    assertTrue(cli.err().contains("same store"), cli.err());
    refused(b, "ds", "--store", "blobfs:" + b, "export", "--to", "blobfs:" + link);
    refused(b, "ds", "--store", "blobfs:" + link, "export", "--to", "blobfs:" + hard);
    assertEquals(0, cli.run("ds", "--store", "blobfs:" + b, "ls"));
    assertEquals(5, cli.out().split("\n").length, cli.out());
    assertEquals(0, cli.run("blobfs", "fsck", b.toString()), cli.out());
  }

  @Test
  void exportBetweenNestedOrLinkedFlatfsDirectoriesIsRefused() throws Exception {
    Path d = tmp.resolve("d");
    assertEquals(0, cli.run("flatfs", "create", d.toString(), "next-to-last/2"));
    put("flatfs:" + d, 5);
    Path link = tmp.resolve("link");
    Files.createSymbolicLink(link, d);
    refused(d, "ds", "--store", "flatfs:" + d, "export", "--to", "flatfs:" + d.resolve("../d"));
    refused(d, "ds", "--store", "flatfs:" + d, "export", "--to", "flatfs:" + link);
    refused(d, "ds", "--store", "flatfs:" + d, "export", "--to", "flatfs:" + link.resolve("inner"));
    assertTrue(cli.err().contains("lies inside"), cli.err());
    refused(d, "ds", "--store", "flatfs:" + link.resolve("KE"), "export", "--to", "flatfs:" + d);
    refused(d, "ds", "--store", "flatfs:" + d, "export", "--to", "blobfs:" + d.resolve("x.img"));
    refused(d, "flatfs", "move", d.toString(), link.toString());
    refused(d, "flatfs", "move", link.toString(), d.resolve("sub").toString());
    assertEquals(0, cli.run("ds", "--store", "flatfs:" + d, "ls"));
    assertEquals(5, cli.out().split("\n").length, cli.out());
  }
}
