package org.jds.node.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Every verb has --help; every group without a verb prints its usage; ds options go before or after the verb. */
class HelpAndOptionsTest {
  @TempDir Path tmp;
  private final CliHarness cli = new CliHarness();

  /** Every command path below jds, e.g. ["blobfs", "mkfs"]. */
  private static List<List<String>> commands(CommandLine cl, List<String> path, List<List<String>> out) {
    for (var e : cl.getSubcommands().entrySet()) {
      if (e.getKey().equals("help")) {
        continue;
      }
      List<String> p = new ArrayList<>(path);
      p.add(e.getKey());
      out.add(p);
      commands(e.getValue(), p, out);
    }
    return out;
  }

  @Test
  void everyCommandHasHelpWithItsOptions() {
    List<List<String>> all = commands(Jds.commandLine(), List.of(), new ArrayList<>());
    assertTrue(all.size() >= 20, all.toString());
    for (List<String> cmd : all) {
      List<String> args = new ArrayList<>(cmd);
      args.add("--help");
      assertEquals(0, cli.run(args.toArray(String[]::new)), cmd + ": " + cli.err());
      assertTrue(cli.out().startsWith("Usage: jds " + String.join(" ", cmd)), cmd + ": " + cli.out());
      assertTrue(cli.out().contains("-h, --help"), cmd + ": " + cli.out());
    }
    assertEquals(0, cli.run("blobfs", "mkfs", "--help"), cli.err());
    assertTrue(cli.out().contains("--size=SIZE") && cli.out().contains("--force"), cli.out());
    assertEquals(0, cli.run("ds", "export", "--help"), cli.err());
    assertTrue(cli.out().contains("--to=KIND:LOCATION") && cli.out().contains("--store=KIND:LOCATION"), cli.out());
  }

  @Test
  void everyGroupWithoutAVerbPrintsItsUsage() {
    for (String group : new String[] {"blobfs", "ds", "flatfs"}) {
      assertEquals(Jds.EXIT_BAD_INPUT, cli.run(group), group);
      assertTrue(cli.err().startsWith("Usage: jds " + group), group + ": " + cli.err());
      assertTrue(cli.err().contains("Commands:"), cli.err());
    }
    assertEquals(Jds.EXIT_BAD_INPUT, cli.run());
    assertTrue(cli.err().startsWith("Usage: jds"), cli.err());
  }

  @Test
  void dsOptionsWorkBeforeAndAfterTheVerb() throws Exception {
    String a = "flatfs:" + tmp.resolve("a");
    assertEquals(0, cli.run("flatfs", "create", tmp.resolve("a").toString(), "prefix/2"));
    cli.stdin = "before".getBytes();
    assertEquals(0, cli.run("ds", "--store", a, "--no-sync", "put", "/BEFORE"), cli.err());
    cli.stdin = "after".getBytes();
    assertEquals(0, cli.run("ds", "put", "--store", a, "--no-sync", "/AFTER"), cli.err());
    assertEquals(0, cli.run("ds", "get", "/AFTER", "--store", a), cli.err());
    assertEquals("after", cli.raw.toString());
    assertEquals(0, cli.run("ds", "--store", a, "get", "/BEFORE"), cli.err());
    assertEquals("before", cli.raw.toString());

    String b = "blobfs:" + tmp.resolve("b.img");
    assertEquals(0, cli.run("blobfs", "mkfs", tmp.resolve("b.img").toString(), "--size", "8M", "--datastore"));
    assertEquals(0, cli.run("ds", "export", "--store", a, "--to", b, "--shard", "suffix/2"), cli.err());
    assertEquals("2\n", cli.out());
    assertEquals(0, cli.run("ds", "--store", b, "export", "--to", "flatfs:" + tmp.resolve("c")), cli.err());
    assertEquals(0, cli.run("ds", "ls", "--store", "flatfs:" + tmp.resolve("c")), cli.err());
    assertEquals("/AFTER\n/BEFORE\n", String.join("\n", cli.out().lines().sorted().toList()) + "\n");
    assertEquals(Jds.EXIT_BAD_INPUT, cli.run("ds", "get", "/AFTER"));
    assertTrue(cli.err().contains("--store"), cli.err());
  }
}
