package org.jds.node.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.jds.datastore.DatastoreException;
import org.jds.node.daemon.Daemon;
import org.jds.node.daemon.DaemonException;
import org.jds.node.repo.Profiles;
import org.jds.node.repo.Repo;
import org.jds.node.repo.RepoConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import sun.misc.Signal;

/**
 * {@code jds daemon}: runs the node (kubo's RPC API, trustless gateway, metrics) until SIGINT or
 * SIGTERM, then stops gracefully; a second signal forces the exit. Creates the repo with the blobfs
 * profile first if there is none. Prints where it listens in kubo's words.
 */
@Command(name = "daemon", mixinStandardHelpOptions = true,
    description = "Run the node: kubo's RPC API on Addresses.API, a trustless gateway on Addresses.Gateway.")
final class DaemonCommand implements Callable<Integer> {
  @Mixin RepoOption repo;
  @Option(names = "--enable-gc", description = "Run GC every Datastore.GCPeriod when the repo is over StorageGCWatermark.")
  boolean enableGc;
  @Spec CommandSpec spec;

  @Override
  public Integer call() throws DatastoreException, DaemonException, InterruptedException {
    PrintWriter out = spec.commandLine().getOut();
    Path path = repo.path();
    if (!Repo.isInitialized(path)) {
      out.printf("initializing jds repo at %s (profile %s)%n", path, Profiles.BLOBFS);
      out.flush();
      Repo.init(path, RepoConfig.withSpec(Profiles.spec(Profiles.BLOBFS), RepoConfig.DEFAULT_STORAGE_MAX), false);
    }
    out.println("Initializing daemon...");
    out.printf("jds version: %s%nRepo path: %s%n", JdsVersion.version(), path.toAbsolutePath());
    out.flush();
    CountDownLatch stop = new CountDownLatch(1);
    AtomicInteger signals = new AtomicInteger();
    sun.misc.SignalHandler handler = sig -> {
      if (signals.incrementAndGet() > 1) {
        System.err.println("Received another interrupt before graceful shutdown, terminating...");
        Runtime.getRuntime().halt(1);
      }
      System.err.println("Received interrupt signal, shutting down...");
      System.err.println("(Hit ctrl-c again to force-shutdown the daemon.)");
      stop.countDown();
    };
    Signal.handle(new Signal("INT"), handler);
    Signal.handle(new Signal("TERM"), handler);
    try (Daemon d = Daemon.start(path, enableGc, JdsVersion.version())) {
      out.printf("RPC API server listening on %s%n", d.apiAddress());
      out.printf("Gateway server listening on %s%n", d.gatewayAddress());
      out.println("Daemon is ready");
      out.flush();
      stop.await();
    }
    out.println("daemon stopped");
    out.flush();
    return Jds.EXIT_OK;
  }
}
