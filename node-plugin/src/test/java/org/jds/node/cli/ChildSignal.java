package org.jds.node.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Signals a child process (a CLI run in its own JVM) once it has shown what a test waits for. */
final class ChildSignal {
  private ChildSignal() {}

  /** Reads the child's stderr up to the point to signal at (an event, such as N progress lines). */
  @FunctionalInterface
  interface Await {
    void on(BufferedReader err) throws Exception;
  }

  /**
   * Waits for {@code before} on the child's stderr, sends {@code signal} ({@code kill -SIGNAL}),
   * and returns the rest of its stderr once it closes; a child still running a minute after that
   * (or after a failed wait) is killed.
   */
  static List<String> after(Process child, Await before, String signal) throws Exception {
    List<String> lines = new ArrayList<>();
    try (BufferedReader err = new BufferedReader(new InputStreamReader(child.getErrorStream(), StandardCharsets.UTF_8))) {
      before.on(err);
      Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(child.pid())).inheritIO().start();
      assertEquals(0, kill.waitFor());
      for (String l = err.readLine(); l != null; l = err.readLine()) {
        lines.add(l);
      }
    } finally {
      if (!child.waitFor(60, TimeUnit.SECONDS)) {
        child.destroyForcibly();
      }
    }
    return lines;
  }
}
