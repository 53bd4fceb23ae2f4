package org.jds.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Builds and runs the Go harness in {@code interop-tests/go} (real go-ds-flatfs v0.6.1 and
 * go-datastore v0.9.2, go-ds-leveldb v0.5.3, go-cid, go-multihash and go-multibase, pulled through Go
 * modules) with the machine's {@code go}.
 *
 * <p>The harness is built once per JVM. Under {@code CI=true} a missing {@code go} is a test
 * failure; elsewhere the tests are skipped (JUnit assumption) with the reason printed.
 */
public final class GoHarness {

  /** Result of one harness invocation. */
  public record Run(List<String> args, int exit, byte[] stdout, String stderr) {
    public String out() {
      return new String(stdout, StandardCharsets.UTF_8);
    }

    /** Asserts exit code 0 and returns this. */
    public Run ok() {
      assertEquals(0, exit, () -> "go-harness " + args + " failed (exit " + exit + "):\n" + stderr
          + (stdout.length < 4096 ? out() : ""));
      return this;
    }
  }

  private static final Object LOCK = new Object();
  private static GoHarness instance;
  private static String unavailable; // reason to skip (never set under CI)
  private static AssertionError buildFailure;

  private final Path binary;

  private GoHarness(Path binary) {
    this.binary = binary;
  }

  /**
   * Returns the built harness. Skips the calling test if {@code go} is absent and CI is not set;
   * fails it if {@code go} is absent under CI or if the build fails.
   */
  public static GoHarness get() {
    synchronized (LOCK) {
      if (instance == null && unavailable == null && buildFailure == null) {
        init();
      }
      if (buildFailure != null) {
        throw new AssertionError(buildFailure.getMessage(), buildFailure.getCause());
      }
      if (unavailable != null) {
        Assumptions.assumeTrue(false, unavailable);
      }
      return instance;
    }
  }

  /**
   * The go binary for a tool that needs one: under CI a missing {@code go} fails the calling test,
   * elsewhere it skips it (the same rule as the harness's).
   */
  static Path goOrSkip() {
    Path go = findGo();
    if (go == null) {
      String failure = missingGoFailure(isCi());
      if (failure != null) {
        throw new AssertionError(failure);
      }
      Assumptions.abort(missingGoReason() + "; skipping because CI is not set.");
    }
    return go;
  }

  static boolean isCi() {
    return "true".equalsIgnoreCase(System.getenv("CI"));
  }

  /**
   * What to do when no {@code go} was found: a failure message under CI, else null (the caller
   * skips). Pulled out so the CI rule itself is tested ({@code GoHarnessPolicyTest}).
   */
  static String missingGoFailure(boolean ci) {
    return ci ? missingGoReason() + ". CI=true, so this is a failure, not a skip." : null;
  }

  static String missingGoReason() {
    String explicit = System.getenv("JDS_GO");
    return explicit != null && !explicit.isBlank()
        ? "$JDS_GO=" + explicit + " is not an executable Go toolchain: the interop tests against go-ds-flatfs need one"
        : "Go toolchain ('go') not found on PATH (nor in $GOROOT/bin or /usr/local/go/bin):"
            + " the interop tests against go-ds-flatfs need it";
  }

  private static void init() {
    Path go = findGo();
    if (go == null) {
      String failure = missingGoFailure(isCi());
      if (failure != null) {
        System.out.println("[interop-tests] FAIL: " + failure);
        buildFailure = new AssertionError(failure);
        return;
      }
      unavailable = missingGoReason() + "; skipping because CI is not set.";
      System.out.println("[interop-tests] SKIP: " + unavailable);
      return;
    }
    try {
      long t0 = System.nanoTime();
      Path out = GoBuild.build(go);
      System.out.printf("[interop-tests] built %s with %s in %d ms%n", out, go,
          TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0));
      instance = new GoHarness(out);
    } catch (IOException e) {
      buildFailure = new AssertionError(e.getMessage(), e);
    }
  }

  /** The interop-tests module directory. */
  public static Path moduleDir() {
    return GoBuild.moduleDir();
  }

  /** The repository root ({@link GoBuild#repoRoot()}). */
  public static Path repoRoot() {
    return GoBuild.repoRoot();
  }

  static Path findGo() {
    return GoBuild.findGo();
  }

  /** Runs the harness with the given arguments and stdin (may be null). */
  public Run run(byte[] stdin, String... args) {
    List<String> cmd = new ArrayList<>();
    cmd.add(binary.toString());
    cmd.addAll(Arrays.asList(args));
    try {
      return exec(cmd, null, stdin, 300);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public Run run(String... args) {
    return run(null, args);
  }

  private static Run exec(List<String> cmd, Path dir, byte[] stdin, int timeoutSeconds) throws IOException {
    return exec(cmd, dir, Map.of(), stdin, timeoutSeconds);
  }

  /**
   * Runs {@code cmd} in {@code dir} (null: the current one) with {@code env} added to this JVM's
   * environment, feeding it {@code stdin} (may be null); fails the test after the timeout.
   */
  static Run exec(List<String> cmd, Path dir, Map<String, String> env, byte[] stdin, int timeoutSeconds)
      throws IOException {
    ProcessBuilder pb = new ProcessBuilder(cmd);
    pb.environment().putAll(env);
    if (dir != null) {
      pb.directory(dir.toFile());
    }
    Process p = pb.start();
    CompletableFuture<byte[]> out = CompletableFuture.supplyAsync(() -> GoBuild.drain(p.getInputStream()));
    CompletableFuture<byte[]> err = CompletableFuture.supplyAsync(() -> GoBuild.drain(p.getErrorStream()));
    try (OutputStream os = p.getOutputStream()) {
      if (stdin != null) {
        os.write(stdin);
      }
    } catch (IOException e) {
      // the process may exit without reading stdin; its exit code tells the story
    }
    try {
      if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        fail("timed out after " + timeoutSeconds + "s: " + cmd);
      }
      return new Run(cmd.subList(1, cmd.size()), p.exitValue(), out.join(),
          new String(err.join(), StandardCharsets.UTF_8));
    } catch (InterruptedException e) {
      p.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
