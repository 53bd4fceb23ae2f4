package org.jds.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A node daemon in a child process that prints where it listens in kubo's words (kubo itself and
 * {@code jds daemon} both do): ready once it printed {@code Daemon is ready}, with the RPC API and
 * gateway ports taken from its {@code ... server listening on /ip4/127.0.0.1/tcp/PORT} lines. Its
 * output is drained on a thread (the last lines kept for error messages). {@link #close} sends
 * SIGTERM and waits, then kills.
 */
final class DaemonProcess implements AutoCloseable {
  private static final Pattern LISTENING =
      Pattern.compile("^(RPC API|Gateway) server listening on /ip4/127\\.0\\.0\\.1/tcp/(\\d+)");
  private static final int KEPT_LINES = 40;
  private static final long STOP_SECONDS = 60;

  private final String name;
  private final Process process;
  private final Deque<String> tail = new ArrayDeque<>();
  private final int apiPort;
  private final int gatewayPort;

  /**
   * Starts {@code pb} and waits (for the event, up to {@code timeoutSeconds}) until it is ready.
   *
   * @throws IOException if it cannot start, exits, prints no ports, or is not ready in time
   */
  DaemonProcess(String name, ProcessBuilder pb, long timeoutSeconds) throws IOException {
    this.name = name;
    this.process = pb.redirectErrorStream(true).start();
    process.getOutputStream().close();
    int[] ports = {-1, -1};
    CompletableFuture<Void> ready = new CompletableFuture<>();
    Thread reader = new Thread(() -> {
      try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(),
          StandardCharsets.UTF_8))) {
        for (String line = r.readLine(); line != null; line = r.readLine()) {
          keep(line);
          Matcher m = LISTENING.matcher(line);
          if (m.find()) {
            ports[m.group(1).equals("RPC API") ? 0 : 1] = Integer.parseInt(m.group(2));
          } else if (line.equals("Daemon is ready")) {
            ready.complete(null);
          }
        }
      } catch (IOException e) {
        ready.completeExceptionally(e);
      }
      ready.completeExceptionally(new IOException(name + " exited before it was ready"));
    }, name + "-output");
    reader.setDaemon(true);
    reader.start();
    try {
      ready.get(timeoutSeconds, TimeUnit.SECONDS);
    } catch (InterruptedException | ExecutionException | TimeoutException e) {
      process.destroyForcibly();
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      throw new IOException(name + " did not become ready: " + e + "\n" + tail(), e);
    }
    // The reader set the ports before it completed `ready`: get() makes them visible here.
    apiPort = ports[0];
    gatewayPort = ports[1];
    if (apiPort < 0 || gatewayPort < 0) {
      close();
      throw new IOException(name + " printed no loopback RPC API or gateway address:\n" + tail());
    }
  }

  int apiPort() {
    return apiPort;
  }

  int gatewayPort() {
    return gatewayPort;
  }

  private synchronized void keep(String line) {
    if (tail.size() == KEPT_LINES) {
      tail.removeFirst();
    }
    tail.addLast(line);
  }

  /** The last lines the daemon printed. */
  synchronized String tail() {
    return String.join("\n", tail);
  }

  @Override
  public void close() throws IOException {
    process.destroy();
    try {
      if (!process.waitFor(STOP_SECONDS, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor();
        throw new IOException(name + " did not stop within " + STOP_SECONDS + " s of SIGTERM:\n" + tail());
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
