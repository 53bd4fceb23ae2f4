package org.jds.node.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;

/** Runs the jds CLI in-process, capturing stdout, stderr and the progress stream. */
final class CliRun {
  String out = "";
  String err = "";
  String progress = "";

  int run(String... args) {
    StringWriter o = new StringWriter();
    StringWriter e = new StringWriter();
    ByteArrayOutputStream p = new ByteArrayOutputStream();
    PrintStream saved = ImportCommand.progressOut;
    ImportCommand.progressOut = new PrintStream(p, true, StandardCharsets.UTF_8);
    try {
      CommandLine cl = Jds.commandLine();
      cl.setOut(new PrintWriter(o, true));
      cl.setErr(new PrintWriter(e, true));
      return cl.execute(args);
    } finally {
      ImportCommand.progressOut = saved;
      out = o.toString();
      err = e.toString();
      progress = p.toString(StandardCharsets.UTF_8);
    }
  }
}
