package org.jds.interop;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Finds the {@code go} toolchain and the repository, and builds the Go harness of
 * {@code interop-tests/go} (real go-ds-flatfs v0.6.1 on go-datastore v0.9.2). Shared by the
 * interop tests ({@code GoHarness}) and {@code jds bench}. Stateless and thread-safe.
 */
public final class GoBuild {
  private GoBuild() {}

  /** Where the harness binary is built, under the interop-tests module. */
  public static Path binary() {
    return moduleDir().resolve("target").resolve("go-harness");
  }

  /**
   * Builds the harness into {@link #binary()} with {@code go} ({@code go build} is incremental:
   * a second call costs a cache check).
   *
   * @throws IOException if the build cannot start or fails; the message carries go's output
   */
  public static Path build(Path go) throws IOException {
    Path goDir = moduleDir().resolve("go");
    Path out = binary();
    Files.createDirectories(out.getParent());
    List<String> cmd = List.of(go.toString(), "build", "-o", out.toString(), ".");
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(goDir.toFile()).redirectErrorStream(true);
    Process p = pb.start();
    p.getOutputStream().close();
    CompletableFuture<byte[]> output = CompletableFuture.supplyAsync(() -> drain(p.getInputStream()));
    try {
      if (!p.waitFor(900, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new IOException("building the Go harness timed out: " + cmd + " in " + goDir);
      }
    } catch (InterruptedException e) {
      p.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while building the Go harness", e);
    }
    if (p.exitValue() != 0) {
      throw new IOException("building the Go harness failed: " + cmd + " in " + goDir + " (exit " + p.exitValue()
          + ")\n" + new String(output.join(), StandardCharsets.UTF_8));
    }
    return out;
  }

  /** The interop-tests module directory. */
  public static Path moduleDir() {
    return repoRoot().resolve("interop-tests");
  }

  /**
   * The repository root: system property {@code jds.root}, else walk up from user.dir.
   *
   * @throws IllegalStateException if neither leads to a directory holding interop-tests/go/go.mod
   */
  public static Path repoRoot() {
    String prop = System.getProperty("jds.root");
    if (prop != null && !prop.isBlank()) {
      Path p = Paths.get(prop).toAbsolutePath().normalize();
      if (Files.isRegularFile(p.resolve("interop-tests/go/go.mod"))) {
        return p;
      }
    }
    for (Path p = Paths.get(System.getProperty("user.dir")).toAbsolutePath(); p != null; p = p.getParent()) {
      if (Files.isRegularFile(p.resolve("interop-tests/go/go.mod"))) {
        return p;
      }
    }
    throw new IllegalStateException("cannot find the jds repository root (no interop-tests/go/go.mod above "
        + System.getProperty("user.dir") + ", jds.root=" + prop + ")");
  }

  /**
   * The go binary: {@code $JDS_GO} if set (authoritative: if it is not executable, Go counts as
   * missing), else the first {@code go} on PATH, then {@code $GOROOT/bin/go}, then
   * {@code /usr/local/go/bin/go}. Null when there is none.
   */
  public static Path findGo() {
    List<Path> candidates = new ArrayList<>();
    String explicit = System.getenv("JDS_GO");
    if (explicit != null && !explicit.isBlank()) {
      Path p = Paths.get(explicit);
      return Files.isRegularFile(p) && Files.isExecutable(p) ? p : null;
    }
    String path = System.getenv("PATH");
    if (path != null) {
      for (String d : path.split(File.pathSeparator)) {
        if (!d.isEmpty()) {
          candidates.add(Paths.get(d, "go"));
        }
      }
    }
    String goroot = System.getenv("GOROOT");
    if (goroot != null && !goroot.isBlank()) {
      candidates.add(Paths.get(goroot, "bin", "go"));
    }
    candidates.add(Paths.get("/usr/local/go/bin/go"));
    for (Path c : candidates) {
      if (Files.isRegularFile(c) && Files.isExecutable(c)) {
        return c;
      }
    }
    return null;
  }

  /** Reads {@code in} to its end and closes it (a process's output, drained on its own thread). */
  static byte[] drain(InputStream in) {
    try (in) {
      ByteArrayOutputStream b = new ByteArrayOutputStream();
      in.transferTo(b);
      return b.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
