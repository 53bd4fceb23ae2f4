package org.jds.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jds.interop.GoBuild;

/**
 * go-ds-flatfs v0.6.1 through the Go harness's {@code bench} command, which times inside Go (the
 * process start and the pipe are not measured).
 */
final class GoFlatfs implements Contestant {
  static final String NAME = "go-ds-flatfs";
  private static final ObjectMapper JSON = new ObjectMapper();
  private final Path harness;

  private GoFlatfs(Path harness) {
    this.harness = harness;
  }

  /**
   * Builds the harness with the machine's {@code go}.
   *
   * @throws IOException if there is no {@code go} or the build fails
   */
  static GoFlatfs build() throws IOException {
    Path go = GoBuild.findGo();
    if (go == null) {
      throw new IOException("no Go toolchain (go on PATH, $GOROOT/bin, /usr/local/go/bin or $JDS_GO):"
          + " the go-ds-flatfs contestant needs one");
    }
    return new GoFlatfs(GoBuild.build(go));
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Sample run(Workload w, Path dir, int n, long seed) throws IOException {
    List<String> cmd = new ArrayList<>(List.of(harness.toString(), "bench", w.op(), dir.toString(),
        Integer.toString(n), "--size", Integer.toString(w.size()), "--writers", Integer.toString(w.writers()),
        "--seed", Long.toString(seed)));
    if (w.sync()) {
      cmd.add("--sync");
    }
    Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    p.getOutputStream().close();
    byte[] out = p.getInputStream().readAllBytes();
    try {
      if (!p.waitFor(1, TimeUnit.HOURS) || p.exitValue() != 0) {
        p.destroyForcibly();
        throw new IOException("go-harness " + cmd.subList(1, cmd.size()) + " failed (see its stderr above)");
      }
    } catch (InterruptedException e) {
      p.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
    JsonNode line = JSON.readTree(new String(out, StandardCharsets.UTF_8));
    return new Sample(line.get("ops").asInt(), line.get("seconds").asDouble(), line.get("heapBytes").asLong());
  }
}
