package org.jds.node.cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import picocli.CommandLine;

/** Runs the CLI in-process and captures its output; helpers shared by the CLI tests. */
final class CliHarness {
  StringWriter out = new StringWriter();
  StringWriter err = new StringWriter();
  ByteArrayOutputStream raw = new ByteArrayOutputStream();
  byte[] stdin = new byte[0];

  int run(String... args) {
    out = new StringWriter();
    err = new StringWriter();
    raw = new ByteArrayOutputStream();
    CommandLine cl = Jds.commandLine();
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    ((DsCommand) cl.getSubcommands().get("ds").getCommand()).setStreams(new ByteArrayInputStream(stdin), raw);
    return cl.execute(args);
  }

  String out() {
    return out.toString().replace("\r", "");
  }

  String err() {
    return err.toString().replace("\r", "");
  }

  /** Relative path → hex content of every regular file under {@code root}, or of {@code root} itself. */
  static Map<String, String> contents(Path root) throws Exception {
    Map<String, String> m = new TreeMap<>();
    if (Files.isRegularFile(root)) {
      m.put("", HexFormat.of().formatHex(Files.readAllBytes(root)));
      return m;
    }
    try (Stream<Path> s = Files.walk(root)) {
      for (Path p : (Iterable<Path>) s::iterator) {
        m.put(root.relativize(p).toString() + (Files.isDirectory(p) ? "/" : ""),
            Files.isRegularFile(p) ? HexFormat.of().formatHex(Files.readAllBytes(p)) : "");
      }
    }
    return m;
  }
}
