package org.jds.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.jds.node.cli.Jds;
import picocli.CommandLine;

/** The jds CLI ({@code ./jds ARGS}) run in-process, as the launcher runs it. */
final class JdsCli {
  private JdsCli() {}

  /** Runs {@code jds ARGS}, asserts exit 0 and returns what it printed on stdout. */
  static String run(Object... args) {
    String[] a = new String[args.length];
    for (int i = 0; i < args.length; i++) {
      a[i] = String.valueOf(args[i]);
    }
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cl = Jds.commandLine();
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    assertEquals(0, cl.execute(a), () -> "jds " + String.join(" ", a) + ": " + err + out);
    return out.toString();
  }
}
