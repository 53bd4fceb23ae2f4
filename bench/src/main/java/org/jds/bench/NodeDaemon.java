package org.jds.bench;

import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jds.node.repo.Profiles;
import org.jds.node.repo.Repo;
import org.jds.node.repo.RepoConfig;

/**
 * A node daemon under the node set's load ({@link NodeLoad}): kubo v0.43.1 ({@code ipfs daemon
 * --offline} on a repo of {@code ipfs init --profile test}: kubo's default flatfs + leveldb
 * datastore, API and gateway on ephemeral loopback ports) or {@code jds daemon} on a repo of one of
 * jds's profiles. Both run as child processes, so neither shares a heap, a GC or CPU accounting with
 * the load generator in this JVM; the jds daemon runs from this JVM's classpath with its default JVM
 * options plus {@code $JDS_BENCH_DAEMON_OPTS} (e.g. a JFR recording; {@code {name}} in it becomes the
 * contestant's name, so that each daemon writes its own file). Each daemon starts at its first
 * workload, then gets one untimed pass of every node workload (warm-up: the JIT for jds, caches for
 * both), and stops at {@link #close}.
 */
final class NodeDaemon implements Contestant {
  static final String KUBO = "kubo";
  private static final long READY_SECONDS = 300;

  /** Makes the repo and starts the daemon on it. */
  private interface Starter {
    DaemonProcess start(Path repo) throws Exception;
  }

  private final String name;
  private final Path repo;
  private final Starter starter;
  private final List<Workload> warmUp;
  private final int warmOps;
  private DaemonProcess process;
  private NodeLoad load;

  private NodeDaemon(String name, Path repo, Starter starter, List<Workload> warmUp, int warmOps) {
    this.name = name;
    this.repo = repo;
    this.starter = starter;
    this.warmUp = warmUp;
    this.warmOps = warmOps;
  }

  /** kubo from {@code binary}, its repo in {@code root/kubo}. */
  static NodeDaemon kubo(Path binary, Path root, List<Workload> warmUp, int warmOps) {
    return new NodeDaemon(KUBO, root.resolve(KUBO), repo -> {
      Files.createDirectories(repo.getParent());
      ProcessBuilder init = new ProcessBuilder(binary.toString(), "init", "--profile", "test", "-e")
          .redirectErrorStream(true);
      init.environment().put("IPFS_PATH", repo.toString());
      Process p = init.start();
      p.getOutputStream().close();
      String said = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (p.waitFor() != 0) {
        throw new IOException("ipfs init --profile test in " + repo + " exited " + p.exitValue() + ":\n" + said);
      }
      ProcessBuilder daemon = new ProcessBuilder(binary.toString(), "daemon", "--offline");
      daemon.environment().put("IPFS_PATH", repo.toString());
      return new DaemonProcess(KUBO, daemon, READY_SECONDS);
    }, warmUp, warmOps);
  }

  /** {@code jds daemon} on a new repo of {@code profile} (blobfs or flatfs) in {@code root/NAME}. */
  static NodeDaemon jds(String profile, Path root, List<Workload> warmUp, int warmOps) {
    String name = "jds-daemon-" + profile;
    return new NodeDaemon(name, root.resolve(name), repo -> {
      RepoConfig c = RepoConfig.withSpec(Profiles.spec(profile), RepoConfig.DEFAULT_STORAGE_MAX);
      c.set("Addresses.API", TextNode.valueOf("/ip4/127.0.0.1/tcp/0"));
      c.set("Addresses.Gateway", TextNode.valueOf("/ip4/127.0.0.1/tcp/0"));
      Repo.init(repo, c, false);
      String java = ProcessHandle.current().info().command().orElse("java");
      List<String> cmd = new ArrayList<>(List.of(java));
      String opts = System.getenv("JDS_BENCH_DAEMON_OPTS");
      if (opts != null && !opts.isBlank()) {
        cmd.addAll(List.of(opts.trim().replace("{name}", name).split("\\s+")));
      }
      cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), "org.jds.node.cli.Jds", "daemon",
          "--repo-dir", repo.toString()));
      return new DaemonProcess(name, new ProcessBuilder(cmd), READY_SECONDS);
    }, warmUp, warmOps);
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public Sample run(Workload w, Path dir, int n, long seed) throws Exception {
    if (process == null) {
      process = starter.start(repo);
      load = new NodeLoad(process.apiPort(), process.gatewayPort());
      for (Workload wu : warmUp) {
        load.run(wu, warmOps, 0); // seed 0: the timed rounds use 1, 2, ...
      }
    }
    try {
      return load.run(w, n, seed);
    } catch (IOException e) {
      throw new IOException(e.getMessage() + "\n" + name + " printed:\n" + process.tail(), e);
    }
  }

  @Override
  public void close() throws IOException {
    if (process != null) {
      process.close();
      process = null;
    }
  }
}
