package org.jds.node.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class JdsCliTest {
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    CommandLine cl = Jds.commandLine();
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    return cl.execute(args);
  }

  @Test
  void versionPrintsTheProjectVersion() {
    assertEquals(0, run("--version"));
    assertTrue(out.toString().startsWith("jds 0."), out.toString());
  }

  @Test
  void helpListsUsage() {
    assertEquals(0, run("--help"));
    assertTrue(out.toString().contains("Usage: jds"), out.toString());
  }

  @Test
  void unknownOptionIsBadInput() {
    assertEquals(Jds.EXIT_BAD_INPUT, run("--no-such-option"));
    assertTrue(err.toString().contains("jds: "), err.toString());
  }
}
