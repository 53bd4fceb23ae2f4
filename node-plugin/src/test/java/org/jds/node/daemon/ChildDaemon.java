package org.jds.node.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Test helper: {@code jds daemon} in a child JVM (the test's classpath), its output lines, and its API port. */
record ChildDaemon(Process process, BlockingQueue<String> lines, int port) {
  static final Pattern LISTENING = Pattern.compile("RPC API server listening on /ip4/127\\.0\\.0\\.1/tcp/(\\d+)");

  /** Starts the daemon on {@code repo} and waits until it says it is ready. */
  static ChildDaemon start(Path repo) throws Exception {
    String java = ProcessHandle.current().info().command().orElse("java");
    Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), "org.jds.node.cli.Jds",
        "daemon", "--repo-dir", repo.toString()).redirectErrorStream(true).start();
    BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    Thread reader = new Thread(() -> {
      try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
        for (String l = r.readLine(); l != null; l = r.readLine()) lines.add(l);
      } catch (java.io.IOException e) {
        // the process ended
      }
    });
    reader.setDaemon(true);
    reader.start();
    ChildDaemon c = new ChildDaemon(p, lines, -1);
    Matcher m = LISTENING.matcher(c.await("RPC API server listening on"));
    assertTrue(m.find());
    c.await("Daemon is ready");
    return new ChildDaemon(p, lines, Integer.parseInt(m.group(1)));
  }

  /** SIGTERM through kill(1): Process.destroy() would also close our end of the child's output. */
  void sigterm() throws Exception {
    assertEquals(0, new ProcessBuilder("kill", "-TERM", String.valueOf(process.pid())).inheritIO().start().waitFor());
  }

  String await(String prefix) throws InterruptedException {
    List<String> seen = new ArrayList<>();
    while (true) {
      String l = lines.poll(120, TimeUnit.SECONDS);
      if (l == null && !process.isAlive()) {
        throw new AssertionError("daemon exited (" + process.exitValue() + ") without a line starting " + prefix + " in " + seen);
      }
      assertTrue(l != null, "no line starting " + prefix + " in " + seen);
      seen.add(l);
      if (l.startsWith(prefix)) return l;
    }
  }
}
