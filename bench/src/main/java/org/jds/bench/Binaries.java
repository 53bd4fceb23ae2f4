package org.jds.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.jds.interop.GoBuild;

/**
 * Finds the kubo v0.43.1 and MinIO binaries the node and s3ds rows need, through the scripts the
 * interop and s3ds tests use ({@code interop-tests/kubo/build.sh}, {@code .ci/minio}; each prints
 * the cached binary's path). Outside CI the bench never starts a cold build (minutes: the quick
 * run must stay short): it runs a script only when its cache already holds a binary, and
 * otherwise says how to build one. Under {@code CI=true} the scripts run unconditionally
 * ({@code .ci/run} built both before Maven). {@code JDS_KUBO} and {@code JDS_MINIO} name a binary
 * instead. Stateless and thread-safe.
 */
final class Binaries {
  /** A binary, or (path null) why there is none. */
  record Found(Path path, String missing) {
    static Found missing(String why) {
      return new Found(null, why);
    }
  }

  private static final long SCRIPT_TIMEOUT_MINUTES = 60;

  private Binaries() {}

  static boolean ci() {
    return "true".equalsIgnoreCase(System.getenv("CI"));
  }

  /** kubo v0.43.1: {@code $JDS_KUBO}, else {@code interop-tests/kubo/build.sh}. */
  static Found kubo() {
    Found explicit = explicit("JDS_KUBO");
    if (explicit != null) {
      return explicit;
    }
    Path go = GoBuild.findGo();
    if (go == null) {
      return Found.missing("no Go toolchain to build kubo v0.43.1 (or set JDS_KUBO to an ipfs binary)");
    }
    Path script = GoBuild.moduleDir().resolve("kubo/build.sh");
    if (!ci()) {
      String cache = System.getenv("JDS_KUBO_CACHE");
      Path dir = cache != null && !cache.isBlank() ? Path.of(cache) : goCacheParent(go).resolve("jds-kubo");
      if (!anyExecutable(dir, "ipfs")) {
        return Found.missing("kubo v0.43.1 is not built yet: `bash " + script + "` builds it (cold: many"
            + " minutes), or set JDS_KUBO to an ipfs binary");
      }
    }
    return runScript(script, Map.of("GO", go.toString()));
  }

  /** MinIO: {@code $JDS_MINIO}, else {@code .ci/minio}. */
  static Found minio() {
    Found explicit = explicit("JDS_MINIO");
    if (explicit != null) {
      return explicit;
    }
    Path script = GoBuild.repoRoot().resolve(".ci/minio");
    if (!ci()) {
      String env = System.getenv("JDS_CACHE_DIR");
      String xdg = System.getenv("XDG_CACHE_HOME");
      Path base = env != null && !env.isBlank() ? Path.of(env)
          : (xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache"))
              .resolve("jds");
      if (!anyExecutable(base.resolve("minio"), "bin/minio")) {
        return Found.missing("MinIO is not built yet: `" + script + "` builds it (cold: many minutes), or set"
            + " JDS_MINIO to a minio binary");
      }
    }
    return runScript(script, Map.of());
  }

  private static Found explicit(String var) {
    String v = System.getenv(var);
    if (v == null || v.isBlank()) {
      return null;
    }
    Path p = Path.of(v);
    return Files.isExecutable(p) ? new Found(p, null) : Found.missing(var + "=" + v + " is not an executable file");
  }

  /** True if a directory under {@code dir} holds an executable {@code name}. */
  private static boolean anyExecutable(Path dir, String name) {
    if (!Files.isDirectory(dir)) {
      return false;
    }
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
      for (Path e : entries) {
        if (Files.isExecutable(e.resolve(name))) {
          return true;
        }
      }
    } catch (IOException e) {
      return false;
    }
    return false;
  }

  /** The parent of {@code go env GOCACHE}, where build.sh keeps its cache. */
  private static Path goCacheParent(Path go) {
    try {
      Process p = new ProcessBuilder(go.toString(), "env", "GOCACHE").redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
      if (p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0 && !out.isEmpty()) {
        return Path.of(out).getParent();
      }
    } catch (IOException e) {
      // fall through: no cache to look at
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return Path.of("/nonexistent");
  }

  /** Runs {@code script} (stderr to ours: a build says so) and takes the last line it prints as the path. */
  private static Found runScript(Path script, Map<String, String> env) {
    try {
      ProcessBuilder pb = new ProcessBuilder("bash", script.toString()).directory(script.getParent().toFile())
          .redirectError(ProcessBuilder.Redirect.INHERIT);
      pb.environment().putAll(env);
      Process p = pb.start();
      p.getOutputStream().close();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
      if (!p.waitFor(SCRIPT_TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
        p.destroyForcibly();
        return Found.missing(script + " did not finish within " + SCRIPT_TIMEOUT_MINUTES + " minutes");
      }
      String[] lines = out.split("\n");
      Path bin = Path.of(lines[lines.length - 1]);
      if (p.exitValue() != 0 || !Files.isExecutable(bin)) {
        return Found.missing(script + " failed (exit " + p.exitValue() + ", see its output above)");
      }
      return new Found(bin, null);
    } catch (IOException e) {
      return Found.missing("cannot run " + script + ": " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Found.missing("interrupted while running " + script);
    }
  }
}
