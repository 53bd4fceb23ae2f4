package org.jds.node.daemon;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.servlet.http.HttpServlet;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.eclipse.jetty.server.Server;
import org.jds.datastore.DatastoreException;
import org.jds.datastore.DatastoreIOException;
import org.jds.node.gateway.GatewayServlet;
import org.jds.node.metrics.MetricsServlet;
import org.jds.node.metrics.NodeMetrics;
import org.jds.node.repo.Repo;
import org.jds.node.repo.RepoConfig;
import org.jds.node.rpc.RpcCommands;
import org.jds.node.rpc.RpcServlet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The jds daemon: holds the repo (and its lock) while it runs, serves kubo's RPC API and
 * {@code /debug/metrics/prometheus} on {@code Addresses.API} and a trustless gateway on
 * {@code Addresses.Gateway}, and optionally runs GC when the repo passes its watermark. Writes
 * {@code $REPO/api} (the API multiaddr, as kubo does, so clients find it). {@link #close()} stops
 * gracefully: in-flight requests finish, a running GC completes, then the datastores sync and close.
 * Thread-safe.
 */
public final class Daemon implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Daemon.class);
  /** Kubo's file naming the API address. */
  static final String API_FILE = "api";

  private final Repo repo;
  private final Node node;
  private final Server api;
  private final Server gateway;
  private final GcScheduler gc;
  private final Path spillDir;
  private final String apiAddr;
  private final String gatewayAddr;
  private boolean closed;

  private Daemon(Repo repo, Node node, Server api, InetSocketAddress apiAt, Server gateway, InetSocketAddress gwAt,
      GcScheduler gc, Path spillDir) {
    this.repo = repo;
    this.node = node;
    this.api = api;
    this.gateway = gateway;
    this.gc = gc;
    this.spillDir = spillDir;
    // The configured host with the bound port (port 0 in the config means an ephemeral one).
    this.apiAddr = Multiaddr.format(apiAt.getAddress(), HttpServers.port(api));
    this.gatewayAddr = Multiaddr.format(gwAt.getAddress(), HttpServers.port(gateway));
  }

  /**
   * Opens the repo at {@code path} (it must be initialised) and starts serving.
   *
   * @param enableGc kubo's {@code --enable-gc}: GC every {@code Datastore.GCPeriod} when the repo is
   *     over {@code StorageGCWatermark} percent of {@code StorageMax}
   * @throws DatastoreException the repo cannot be opened (e.g. another process holds it)
   * @throws DaemonException a server cannot start (e.g. the port is taken); the repo is closed again
   */
  public static Daemon start(Path path, boolean enableGc, String version) throws DatastoreException, DaemonException {
    NodeIdentity identity = NodeIdentity.loadOrCreate(path);
    Repo repo = Repo.open(path);
    Server api = null;
    Server gw = null;
    Path spill = null;
    try {
      RepoConfig config = repo.config();
      InetSocketAddress apiAt = Multiaddr.parse(config.apiAddress());
      InetSocketAddress gwAt = Multiaddr.parse(config.gatewayAddress());
      if (!apiAt.getAddress().isLoopbackAddress()) {
        LOG.warn("the RPC API listens on {}, not loopback: anyone who reaches it controls this node", config.apiAddress());
      }
      Node node = new Node(repo);
      NodeMetrics metrics = new NodeMetrics(node);
      Set<String> origins = ConcurrentHashMap.newKeySet();
      JsonNode allow = config.get("API.HTTPHeaders.Access-Control-Allow-Origin");
      if (allow != null) allow.forEach(o -> origins.add(o.asText()));
      spill = Files.createTempDirectory("jds-upload");
      Map<String, HttpServlet> apiServlets = new LinkedHashMap<>();
      apiServlets.put("/api/v0/*", new RpcServlet(RpcCommands.all(node, identity, version), origins, metrics, "jds/" + version));
      apiServlets.put("/debug/metrics/prometheus", new MetricsServlet(metrics));
      api = HttpServers.create("api", apiAt, apiServlets, spill);
      gw = HttpServers.create("gateway", gwAt, Map.of("/*", new GatewayServlet(node.blocks(), metrics)), spill);
      api.start();
      gw.start();
      int port = HttpServers.port(api);
      origins.add("http://127.0.0.1:" + port);
      origins.add("http://localhost:" + port);
      GcScheduler gc = enableGc ? GcScheduler.start(node, config) : null;
      Daemon d = new Daemon(repo, node, api, apiAt, gw, gwAt, gc, spill);
      Files.writeString(path.resolve(API_FILE), d.apiAddr, StandardCharsets.UTF_8);
      return d;
    } catch (Exception e) {
      stopQuietly(api, e);
      stopQuietly(gw, e);
      try {
        repo.close();
      } catch (DatastoreException suppressed) {
        e.addSuppressed(suppressed);
      }
      deleteTree(spill);
      if (e instanceof DatastoreException de) throw de;
      throw new DaemonException("cannot start the daemon: " + e.getMessage(), e);
    }
  }

  private static void stopQuietly(Server s, Exception cause) {
    if (s == null) return;
    try {
      s.stop();
    } catch (Exception e) {
      cause.addSuppressed(e);
    }
  }

  /** The API's multiaddr, e.g. {@code /ip4/127.0.0.1/tcp/5001}. */
  public String apiAddress() {
    return apiAddr;
  }

  public String gatewayAddress() {
    return gatewayAddr;
  }

  public int apiPort() {
    return HttpServers.port(api);
  }

  public int gatewayPort() {
    return HttpServers.port(gateway);
  }

  public Node node() {
    return node;
  }

  /**
   * Stops gracefully: both servers stop accepting and wait for in-flight requests (up to 30 s), the
   * GC scheduler waits for a running collection, then the repo's datastores sync and close and its
   * lock is released. Idempotent.
   *
   * @throws DatastoreException closing the datastores failed (the lock is released anyway)
   */
  @Override
  public synchronized void close() throws DatastoreException {
    if (closed) return;
    closed = true;
    Exception first = null;
    for (Server s : new Server[] {api, gateway}) {
      try {
        s.stop();
      } catch (Exception e) {
        LOG.warn("stopping a server: {}", e.toString());
        first = first == null ? e : first;
      }
    }
    if (gc != null) gc.stop();
    try {
      Files.deleteIfExists(repo.path().resolve(API_FILE));
    } catch (IOException e) {
      LOG.warn("cannot remove {}: {}", repo.path().resolve(API_FILE), e.toString());
    }
    deleteTree(spillDir);
    repo.close();
    if (first != null) throw new DatastoreIOException("stopping the HTTP servers: " + first.getMessage(), first);
  }

  private static void deleteTree(Path dir) {
    if (dir == null) return;
    try (Stream<Path> s = Files.walk(dir)) {
      s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      LOG.debug("cannot remove {}: {}", dir, e.toString());
    }
  }
}
