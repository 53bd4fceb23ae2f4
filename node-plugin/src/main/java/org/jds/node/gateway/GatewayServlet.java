package org.jds.node.gateway;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Locale;
import org.jds.datastore.DatastoreException;
import org.jds.node.blockstore.Block;
import org.jds.node.blockstore.Blockstore;
import org.jds.node.car.CarWriter;
import org.jds.node.dag.CodecException;
import org.jds.node.dag.MissingBlockException;
import org.jds.node.metrics.RequestObserver;
import org.jds.node.multiformats.Cid;
import org.jds.node.multiformats.MultiformatException;
import org.jds.node.rpc.PlainText;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A read-only, offline trustless gateway (boxo's behaviour as kubo v0.43.1 shows it, node.md §8.5):
 * {@code GET}/{@code HEAD /ipfs/{cid}} as a raw block ({@code ?format=raw} or the raw Accept type,
 * with ranges and {@code If-None-Match}) or a CAR ({@code ?format=car} or the CAR Accept type, with
 * {@code dag-scope}, {@code car-dups}, {@code car-order}). Identity CIDs (the {@code bafkqaaa} probe)
 * never touch storage; a missing root is a 404 at once; deserialized responses are not served (406).
 * Thread-safe.
 */
public final class GatewayServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;
  private static final Logger LOG = LoggerFactory.getLogger(GatewayServlet.class);
  static final String RAW = "application/vnd.ipld.raw";
  static final String CAR = "application/vnd.ipld.car";
  static final String IMMUTABLE = "public, max-age=29030400, immutable";
  private static final String PREFIX = "/ipfs/";

  private final transient Blockstore blocks;
  private final transient RequestObserver observer;

  public GatewayServlet(Blockstore blocks, RequestObserver observer) {
    this.blocks = blocks;
    this.observer = observer;
  }

  @Override
  protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    long t0 = System.nanoTime();
    String route = "other";
    try {
      cors(resp);
      String m = req.getMethod();
      if (m.equals("OPTIONS")) {
        resp.setStatus(200);
        return;
      }
      if (!m.equals("GET") && !m.equals("HEAD")) {
        for (String a : List.of("GET", "HEAD", "OPTIONS")) resp.addHeader("Allow", a);
        PlainText.send(resp, 405, "Method " + m + " not allowed: read only access");
        return;
      }
      route = serve(req, resp, m.equals("HEAD"));
    } finally {
      observer.observe("gateway", route, resp.getStatus(), System.nanoTime() - t0);
    }
  }

  private static void cors(HttpServletResponse resp) {
    for (String h : List.of("Content-Type", "Range", "User-Agent", "X-Requested-With")) {
      resp.addHeader("Access-Control-Allow-Headers", h);
    }
    for (String h : List.of("GET", "HEAD", "OPTIONS")) resp.addHeader("Access-Control-Allow-Methods", h);
    resp.setHeader("Access-Control-Allow-Origin", "*");
    for (String h : List.of("Content-Length", "Content-Range", "Ipfs-Uri", "X-Chunked-Output", "X-Ipfs-Roots", "X-Stream-Output")) {
      resp.addHeader("Access-Control-Expose-Headers", h);
    }
  }

  /** Serves one GET/HEAD; returns the route label for metrics. */
  private String serve(HttpServletRequest req, HttpServletResponse resp, boolean head) throws IOException {
    String path = req.getRequestURI();
    if (!path.startsWith(PREFIX)) {
      PlainText.send(resp, 404, "404 page not found: only /ipfs/{cid} is served (trustless gateway)");
      return "other";
    }
    String rest = path.substring(PREFIX.length());
    int slash = rest.indexOf('/');
    String cidText = slash < 0 ? rest : rest.substring(0, slash);
    String subpath = slash < 0 ? "" : rest.substring(slash + 1);
    Cid cid;
    try {
      cid = Cid.parse(cidText);
    } catch (MultiformatException e) {
      PlainText.send(resp, 400, "invalid path \"" + path + "\": invalid cid: " + e.getMessage());
      return "badcid";
    }
    resp.setHeader("Ipfs-Uri", "ipfs://" + cid.toV1());
    if (!subpath.isEmpty()) {
      PlainText.send(resp, 501, "paths below a CID are not supported by this gateway: " + path);
      return "other";
    }
    Format f = Format.of(req);
    switch (f.kind) {
      case RAW -> serveRaw(req, resp, cid, cidText, head);
      case CAR -> serveCar(req, resp, cid, cidText, f, head);
      default -> serveDeserialized(req, resp, cid, cidText, head);
    }
    return f.kind.name().toLowerCase(Locale.ROOT);
  }

  private void serveRaw(HttpServletRequest req, HttpServletResponse resp, Cid cid, String cidText, boolean head)
      throws IOException {
    String etag = "\"" + cidText + ".raw\"";
    if (etag.equals(req.getHeader("If-None-Match"))) {
      notModified(resp, etag);
      return;
    }
    byte[] data = load(resp, cid, cidText);
    if (data == null) return;
    resp.setHeader("Accept-Ranges", "bytes");
    resp.setHeader("Cache-Control", IMMUTABLE);
    resp.setHeader("Content-Disposition", attachment(cidText + ".bin"));
    resp.setContentType(RAW);
    resp.setHeader("Etag", etag);
    resp.setHeader("X-Content-Type-Options", "nosniff");
    resp.setHeader("X-Ipfs-Roots", cidText);
    ByteRange r = ByteRange.parse(req.getHeader("Range"), data.length);
    if (r == ByteRange.UNSATISFIABLE) {
      resp.setHeader("Content-Range", "bytes */" + data.length);
      resp.setStatus(416);
      return;
    }
    int from = r == null ? 0 : (int) r.first();
    int len = r == null ? data.length : (int) r.length();
    if (r != null) {
      resp.setStatus(206);
      resp.setHeader("Content-Range", "bytes " + r.first() + "-" + r.last() + "/" + data.length);
    }
    resp.setContentLength(len);
    if (!head) resp.getOutputStream().write(data, from, len);
  }

  /** Without a trustless format only the empty identity probe is answered; the rest is 406. */
  private void serveDeserialized(HttpServletRequest req, HttpServletResponse resp, Cid cid, String cidText, boolean head)
      throws IOException {
    if (!cid.multihash().isIdentity() || cid.multihash().digestLength() != 0) {
      PlainText.send(resp, 406, "deserialized responses are not served by this trustless gateway:"
          + " ask for ?format=raw or ?format=car (or the Accept types " + RAW + ", " + CAR + ")");
      return;
    }
    String etag = "\"" + cidText + "\"";
    if (etag.equals(req.getHeader("If-None-Match"))) {
      notModified(resp, etag);
      return;
    }
    resp.setHeader("Accept-Ranges", "bytes");
    resp.setHeader("Cache-Control", IMMUTABLE);
    resp.setContentLength(0);
    resp.setContentType("text/plain");
    resp.setHeader("Etag", etag);
    resp.setHeader("X-Ipfs-Roots", cidText);
  }

  private void serveCar(HttpServletRequest req, HttpServletResponse resp, Cid cid, String cidText, Format f, boolean head)
      throws IOException {
    if (f.error != null) {
      PlainText.send(resp, 400, f.error);
      return;
    }
    String etag = "W/\"" + cidText + ".car." + paramHash(f) + "\"";
    if (etag.equals(req.getHeader("If-None-Match"))) {
      notModified(resp, etag);
      return;
    }
    CarTraversal walk = new CarTraversal(blocks, cid, f.scope, f.dups);
    Block first;
    try {
      first = walk.next(); // the root decides the status before anything is sent
    } catch (MissingBlockException e) {
      notFound(resp, cidText, cid);
      return;
    } catch (DatastoreException | CodecException e) {
      PlainText.send(resp, 500, "failed to load " + cidText + ": " + e.getMessage());
      return;
    }
    resp.setHeader("Accept-Ranges", "none");
    resp.setHeader("Cache-Control", IMMUTABLE);
    resp.setHeader("Content-Disposition", attachment(cidText + ".car"));
    if (f.fromAccept) resp.setHeader("Content-Location", PREFIX + cidText + "?format=car");
    resp.setContentType(CAR + "; version=1; order=dfs; dups=" + (f.dups ? "y" : "n"));
    resp.setHeader("Etag", etag);
    resp.setHeader("X-Content-Type-Options", "nosniff");
    resp.setHeader("X-Ipfs-Roots", cidText);
    if (head) return;
    OutputStream out = resp.getOutputStream();
    CarWriter car = new CarWriter(out, List.of(cid));
    try {
      for (Block b = first; b != null; b = walk.next()) car.write(b);
      car.flush();
    } catch (DatastoreException | CodecException e) {
      // The status is committed: the spec lets the CAR end early; abort so the client sees it is cut.
      LOG.warn("CAR of {} ended early: {}", cidText, e.getMessage());
      throw new IOException("CAR stream of " + cidText + " ended early: " + e.getMessage(), e);
    }
  }

  private byte[] load(HttpServletResponse resp, Cid cid, String cidText) throws IOException {
    try {
      return blocks.get(cid);
    } catch (DatastoreException e) {
      if (e.isNotFound()) {
        notFound(resp, cidText, cid);
      } else {
        PlainText.send(resp, 500, "failed to load " + cidText + ": " + e.getMessage());
      }
      return null;
    }
  }

  private static void notFound(HttpServletResponse resp, String cidText, Cid cid) throws IOException {
    PlainText.send(resp, 404, "failed to resolve /ipfs/" + cidText
        + ": block was not found locally (offline): ipld: could not find " + cid);
  }

  private static void notModified(HttpServletResponse resp, String etag) {
    resp.setStatus(304);
    resp.setHeader("Cache-Control", IMMUTABLE);
    resp.setHeader("Etag", etag);
  }

  private static String attachment(String name) {
    return "attachment; filename=\"" + name + "\"; filename*=UTF-8''" + name;
  }

  /** A short hash of the CAR parameters, so that responses of different shapes get different Etags. */
  private static String paramHash(Format f) {
    try {
      byte[] h = MessageDigest.getInstance("SHA-256")
          .digest((f.scope + "|" + f.dups + "|dfs|1").getBytes(StandardCharsets.UTF_8));
      long v = 0;
      for (int i = 0; i < 8; i++) v = (v << 8) | (h[i] & 0xff);
      return Long.toUnsignedString(v, 32);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is always present", e);
    }
  }
}
