package org.jds.interop;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A running {@code ipfs daemon}: started by {@link Kubo#startDaemon}, ready once it printed
 * "Daemon is ready"; its output is drained (and kept for failure messages) until it exits.
 * {@link #close} stops it with SIGTERM, as Ctrl-C would, and waits for the exit.
 */
final class KuboDaemon implements AutoCloseable {
  static final String API_LINE = "RPC API server listening on ";

  private final Process process;
  private final StringBuffer output = new StringBuffer();
  private final String api;

  private KuboDaemon(Process process, int timeoutSeconds) {
    this.process = process;
    CompletableFuture<String> ready = new CompletableFuture<>();
    Thread reader = new Thread(() -> {
      String apiAddr = null;
      try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
        for (String line = r.readLine(); line != null; line = r.readLine()) {
          output.append(line).append('\n');
          if (line.startsWith(API_LINE)) {
            apiAddr = line.substring(API_LINE.length()).strip();
          } else if (line.equals("Daemon is ready")) {
            ready.complete(apiAddr);
          }
        }
      } catch (IOException e) {
        ready.completeExceptionally(new UncheckedIOException(e));
      }
      ready.completeExceptionally(new IllegalStateException("kubo daemon exited before it was ready"));
    }, "kubo-daemon-output");
    reader.setDaemon(true);
    reader.start();
    try {
      this.api = ready.get(timeoutSeconds, TimeUnit.SECONDS);
    } catch (InterruptedException | ExecutionException | TimeoutException e) {
      process.destroyForcibly();
      throw new AssertionError("kubo daemon did not become ready: " + e + "\n" + output, e);
    }
    if (api == null) {
      close();
      fail("kubo daemon printed no API address:\n" + output);
    }
  }

  static KuboDaemon start(Process process, int timeoutSeconds) {
    return new KuboDaemon(process, timeoutSeconds);
  }

  /** The RPC API's multiaddr, e.g. {@code /ip4/127.0.0.1/tcp/38633}. */
  String api() {
    return api;
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(120, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        fail("kubo daemon did not stop on SIGTERM:\n" + output);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
