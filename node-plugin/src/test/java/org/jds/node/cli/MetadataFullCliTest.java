package org.jds.node.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * An image whose md pages are all in use while clusters are free says so, naming the mkfs option
 * that reserves more, instead of "no space left on device"; and stderr holds one line per message
 * (the libraries' log records included), checked in a child JVM that runs the real main.
 */
class MetadataFullCliTest {
  @TempDir Path tmp;

  private static int run(StringWriter err, String... args) {
    CommandLine cl = Jds.commandLine();
    cl.setOut(new PrintWriter(new StringWriter(), true));
    cl.setErr(new PrintWriter(err, true));
    return cl.execute(args);
  }

  @Test
  void metadataExhaustionSaysSoInOneLinePerMessage() throws Exception {
    String img = tmp.resolve("md.img").toString();
    assertEquals(0, run(new StringWriter(), "blobfs", "mkfs", img, "--size", "4M", "--datastore", "--md-pages", "12"));
    Path value = tmp.resolve("v");
    Files.writeString(value, "hi");
    int i = 0;
    StringWriter err = new StringWriter();
    while (run(err, "ds", "--store", "blobfs:" + img, "put", "/CIQK" + i, value.toString()) == 0) {
      err = new StringWriter();
      assertTrue(++i < 12, "12 md pages held more than 12 files");
    }
    assertTrue(err.toString().contains("metadata pages exhausted") && err.toString().contains("--md-pages"), err.toString());

    String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
    String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    Process p = new ProcessBuilder(java, "-Xshare:auto", "-cp", cp, Jds.class.getName(),
            "ds", "--store", "blobfs:" + img, "put", "/CIQNEXT", value.toString())
        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
        .start();
    String stderr = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(60, TimeUnit.SECONDS));
    assertEquals(Jds.EXIT_BAD_INPUT, p.exitValue(), stderr);
    List<String> lines = stderr.lines().toList();
    assertFalse(lines.isEmpty());
    for (String l : lines) assertTrue(l.startsWith("jds: "), "a line of multi-line output: " + l + "\n" + stderr);
    assertTrue(lines.get(lines.size() - 1).contains("metadata pages exhausted: all 12 md pages are in use"), stderr);
    assertTrue(lines.get(lines.size() - 1).contains("jds blobfs mkfs --md-pages N"), stderr);
    assertFalse(stderr.contains("no space left on device"), stderr);
  }
}
