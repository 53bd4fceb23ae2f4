package org.jds.node.rpc;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import java.util.Set;
import org.jds.datastore.DatastoreException;
import org.jds.node.car.CarException;
import org.jds.node.dag.CodecException;
import org.jds.node.metrics.RequestObserver;
import org.jds.node.multiformats.MultiformatException;
import org.eclipse.jetty.io.EofException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Kubo's RPC transport under {@code /api/v0/}: an unknown command is a plain 404, OPTIONS a 204, any
 * method but POST a 405 with {@code Allow: OPTIONS, POST}, a foreign {@code Origin} a 403; then the
 * command runs, and its exception becomes kubo's error response, or the {@code X-Stream-Error} trailer
 * once output started. Thread-safe (no per-request state outside the call).
 */
public final class RpcServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;
  private static final Logger LOG = LoggerFactory.getLogger(RpcServlet.class);
  static final String ALLOW = "OPTIONS, POST";

  private final transient Map<String, RpcCommand> commands;
  private final transient Set<String> allowedOrigins;
  private final transient RequestObserver observer;
  private final String server;

  /**
   * @param commands by name, e.g. {@code block/put}
   * @param allowedOrigins a thread-safe set (the daemon adds its own address once bound): origins besides none at all (kubo's {@code API.HTTPHeaders} allow-list plus
   *     the API's own address)
   * @param server the {@code Server} header
   */
  public RpcServlet(Map<String, RpcCommand> commands, Set<String> allowedOrigins, RequestObserver observer, String server) {
    this.commands = Map.copyOf(commands);
    this.allowedOrigins = allowedOrigins;
    this.observer = observer;
    this.server = server;
  }

  @Override
  protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    long t0 = System.nanoTime();
    String name = commandName(req);
    RpcCommand cmd = commands.get(name);
    try {
      resp.setHeader("Vary", "Origin");
      if (cmd == null) {
        PlainText.send(resp, 404, "404 page not found");
      } else if (req.getMethod().equals("OPTIONS")) {
        resp.setHeader("Allow", ALLOW);
        resp.setStatus(204);
      } else if (!req.getMethod().equals("POST")) {
        resp.setHeader("Allow", ALLOW);
        PlainText.send(resp, 405, "405 - Method Not Allowed");
      } else if (!originAllowed(req.getHeader("Origin"))) {
        PlainText.send(resp, 403, "403 - Forbidden");
      } else {
        run(cmd, req, resp);
      }
    } finally {
      observer.observe("api", cmd == null ? "unknown" : name, resp.getStatus(), System.nanoTime() - t0);
    }
  }

  private boolean originAllowed(String origin) {
    return origin == null || allowedOrigins.contains("*") || allowedOrigins.contains(origin);
  }

  private static String commandName(HttpServletRequest req) {
    String p = req.getPathInfo();
    if (p == null) return "";
    if (p.startsWith("/")) p = p.substring(1);
    if (p.endsWith("/")) p = p.substring(0, p.length() - 1);
    return p;
  }

  private void run(RpcCommand cmd, HttpServletRequest req, HttpServletResponse resp) throws IOException {
    RpcCall call;
    try {
      call = new RpcCall(req, resp, server);
    } catch (RpcException e) {
      PlainText.send(resp, 400, e.getMessage());
      return;
    }
    try {
      cmd.run(call);
    } catch (EofException e) {
      LOG.debug("client went away: {}", e.toString());
    } catch (RpcException e) {
      fail(call, resp, e);
    } catch (DatastoreException | CodecException | CarException | MultiformatException e) {
      fail(call, resp, new RpcException(e.getMessage()));
    } catch (IOException e) {
      if (resp.isCommitted()) {
        LOG.debug("stream ended: {}", e.toString());
      } else {
        fail(call, resp, new RpcException(e.getMessage()));
      }
    } catch (Exception e) {
      LOG.error("RPC {} failed", req.getPathInfo(), e);
      fail(call, resp, new RpcException(String.valueOf(e.getMessage())));
    }
  }

  private static void fail(RpcCall call, HttpServletResponse resp, RpcException e) throws IOException {
    if (call.started() || resp.isCommitted()) {
      call.streamError(e.getMessage());
    } else if (e.plainText()) {
      PlainText.send(resp, e.httpStatus(), e.getMessage());
    } else {
      call.jsonError(e);
    }
  }
}
