package org.jds.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The real kubo v0.43.1 ({@code interop-tests/kubo}, built from the Go module proxy by
 * {@code kubo/build.sh} into a cache beside Go's build cache) on one repo: every command runs with
 * {@code IPFS_PATH} set to that repo and no daemon, so nothing touches the network.
 *
 * <p>The binary is located once per JVM: {@code .ci/run} builds it before Maven, so here a warm
 * cache costs one {@code ipfs version}. Under {@code CI=true} a missing {@code go} or a failed build
 * fails the test; elsewhere a missing {@code go} skips it.
 */
final class Kubo {
  /** A cold build on a loaded 2-core machine takes many minutes; a warm one seconds. */
  private static final int BUILD_TIMEOUT_SECONDS = 3600;
  private static final int COMMAND_TIMEOUT_SECONDS = 600;

  private static final Object LOCK = new Object();
  private static Path binary;
  private static AssertionError buildFailure;

  private final Path repo;

  private Kubo(Path repo) {
    this.repo = repo;
  }

  /** Runs {@code ipfs init --profile test -e} (offline, no welcome files) in the new repo {@code dir}. */
  static Kubo init(Path dir) {
    Kubo k = new Kubo(dir);
    k.run("init", "--profile", "test", "-e").ok();
    return k;
  }

  /**
   * kubo on {@code dir} without touching it: for a repo made elsewhere, or (with {@code --api}) as a
   * client of a daemon, where {@code dir} need not exist.
   */
  static Kubo at(Path dir) {
    return new Kubo(dir);
  }

  /** The repo directory ({@code IPFS_PATH}). */
  Path repo() {
    return repo;
  }

  /** Runs {@code ipfs ARGS} on this repo. */
  GoHarness.Run run(String... args) {
    return run(null, args);
  }

  /** Runs {@code ipfs ARGS} on this repo with {@code stdin}. */
  GoHarness.Run run(byte[] stdin, String... args) {
    List<String> cmd = new ArrayList<>();
    cmd.add(binary().toString());
    cmd.addAll(Arrays.asList(args));
    try {
      return GoHarness.exec(cmd, null, Map.of("IPFS_PATH", repo.toString()), stdin, COMMAND_TIMEOUT_SECONDS);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Starts {@code ipfs daemon --offline} on this repo (its API and gateway on the loopback ports the
   * repo's config names; the test profile's are ephemeral) and waits for "Daemon is ready".
   */
  KuboDaemon startDaemon() throws IOException {
    ProcessBuilder pb = new ProcessBuilder(binary().toString(), "daemon", "--offline").redirectErrorStream(true);
    pb.environment().put("IPFS_PATH", repo.toString());
    return KuboDaemon.start(pb.start(), COMMAND_TIMEOUT_SECONDS);
  }

  /** The built {@code ipfs}, building it on first use (see the class comment for missing Go). */
  static Path binary() {
    synchronized (LOCK) {
      if (buildFailure != null) {
        throw new AssertionError(buildFailure.getMessage(), buildFailure);
      }
      if (binary == null) {
        Path go = GoHarness.goOrSkip();
        Path script = GoHarness.moduleDir().resolve("kubo/build.sh");
        long t0 = System.nanoTime();
        try {
          GoHarness.Run r = GoHarness.exec(List.of("bash", script.toString()), script.getParent(),
              Map.of("GO", go.toString()), null, BUILD_TIMEOUT_SECONDS);
          if (r.exit() != 0) {
            buildFailure = new AssertionError("building kubo failed: " + script + " (exit " + r.exit() + ")\n"
                + r.stderr() + r.out());
            throw buildFailure;
          }
          String[] lines = r.out().strip().split("\n");
          binary = Path.of(lines[lines.length - 1]);
        } catch (IOException e) {
          buildFailure = new AssertionError("building kubo failed: " + e, e);
          throw buildFailure;
        }
        System.out.printf("[interop-tests] kubo v0.43.1 at %s (%d ms)%n", binary,
            TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0));
      }
      return binary;
    }
  }

  /** Asserts the binary is kubo 0.43.1 (build.sh checks it too; this keeps the claim in a test). */
  static void assertVersion() {
    GoHarness.Run r = new Kubo(Path.of("/nonexistent")).run("version");
    assertEquals("ipfs version 0.43.1\n", r.ok().out());
  }
}
