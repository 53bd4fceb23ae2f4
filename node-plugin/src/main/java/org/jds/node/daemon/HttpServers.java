package org.jds.node.daemon;

import jakarta.servlet.MultipartConfigElement;
import jakarta.servlet.http.HttpServlet;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.Map;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.NetworkConnectionLimit;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.server.handler.SizeLimitHandler;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * Builds one Jetty server of the daemon: a bounded thread pool, a bounded number of connections, a request body
 * limit (chunked bodies included), multipart parts above 1 MiB spilled to a temp directory, and a
 * graceful stop that lets in-flight requests finish.
 */
final class HttpServers {
  /** Threads per server; 50 concurrent clients plus the acceptor and selector fit. */
  static final int MAX_THREADS = Integer.getInteger("jds.http.maxThreads", 128);
  static final int MIN_THREADS = 4;
  /** Open connections per server; beyond it Jetty stops accepting until one closes. */
  static final int MAX_CONNECTIONS = Integer.getInteger("jds.http.maxConnections", 512);
  /** Largest request body (dag import of a CAR included); larger ones get 413. */
  static final long MAX_BODY = Long.getLong("jds.http.maxBodyBytes", 256L << 20);
  static final int SPILL_THRESHOLD = 1 << 20;
  static final long STOP_TIMEOUT_MS = 30_000;

  private HttpServers() {}

  /** A server on {@code at} with {@code servlets} by path spec (e.g. {@code /api/v0/*}); not started. */
  static Server create(String name, InetSocketAddress at, Map<String, HttpServlet> servlets, Path spillDir) {
    QueuedThreadPool pool = new QueuedThreadPool(MAX_THREADS, MIN_THREADS);
    pool.setName("jds-" + name);
    Server server = new Server(pool);
    HttpConfiguration http = new HttpConfiguration();
    http.setSendServerVersion(false); // the RPC sets kubo's Server header itself
    ServerConnector c = new ServerConnector(server, 1, 1, new HttpConnectionFactory(http));
    c.setHost(at.getAddress().getHostAddress());
    c.setPort(at.getPort());
    server.addConnector(c);
    // Bounds the work queued behind the bounded pool: at most this many connections are open.
    server.addBean(new NetworkConnectionLimit(MAX_CONNECTIONS, c));
    ServletContextHandler ctx = new ServletContextHandler();
    ctx.setContextPath("/");
    for (Map.Entry<String, HttpServlet> e : servlets.entrySet()) {
      ServletHolder h = new ServletHolder(e.getValue());
      h.getRegistration().setMultipartConfig(
          new MultipartConfigElement(spillDir.toString(), MAX_BODY, MAX_BODY, SPILL_THRESHOLD));
      ctx.addServlet(h, e.getKey());
    }
    SizeLimitHandler limit = new SizeLimitHandler(MAX_BODY, -1);
    limit.setHandler(ctx);
    GracefulHandler graceful = new GracefulHandler();
    graceful.setHandler(limit);
    server.setHandler(graceful);
    server.setStopTimeout(STOP_TIMEOUT_MS);
    return server;
  }

  /** The port the server's connector bound. */
  static int port(Server s) {
    return ((ServerConnector) s.getConnectors()[0]).getLocalPort();
  }
}
