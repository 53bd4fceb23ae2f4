package org.jds.node.rpc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * One RPC request and its response in go-ipfs-cmds' shapes. Arguments and options come from the query
 * string, files from a multipart body. The response is one of: a single JSON value
 * ({@code application/json}), a stream of JSON values (NDJSON plus {@code X-Chunked-Output: 1}) or a
 * byte stream ({@code X-Stream-Output: 1}). Every response carries kubo's headers, declares the
 * {@code X-Stream-Error} trailer and is sent chunked. Used by one request thread.
 */
public final class RpcCall {
  static final ObjectMapper JSON = new ObjectMapper();
  static final String CORS_HEADERS = "X-Stream-Output, X-Chunked-Output, X-Content-Length";
  static final String STREAM_ERROR = "X-Stream-Error";
  static final String JSON_TYPE = "application/json";

  private final HttpServletRequest req;
  private final HttpServletResponse resp;
  private final Map<String, List<String>> query;
  private final String server;
  private volatile String streamError;
  private boolean started;

  RpcCall(HttpServletRequest req, HttpServletResponse resp, String server) throws RpcException {
    this.req = req;
    this.resp = resp;
    this.server = server;
    this.query = QueryString.parse(req.getQueryString());
  }

  /** Every {@code arg} value. */
  public List<String> args() {
    return query.getOrDefault("arg", List.of());
  }

  /**
   * The values of the required positional argument kubo names {@code name} (in its error text).
   *
   * @throws RpcException none given (plain-text 400)
   */
  public List<String> requiredArgs(String name) throws RpcException {
    List<String> a = args();
    if (a.isEmpty()) throw RpcException.missingArgument(name);
    return a;
  }

  /** The first value of the required argument. */
  public String requiredArg(String name) throws RpcException {
    return requiredArgs(name).get(0);
  }

  /** The option's value under any of its names (long name first), or {@code def}. */
  public String option(String def, String... names) {
    for (String n : names) {
      List<String> v = query.get(n);
      if (v != null && !v.isEmpty()) return v.get(0);
    }
    return def;
  }

  /**
   * A boolean option; an empty value means true, as in go-ipfs-cmds.
   *
   * @throws RpcException neither true nor false (client error)
   */
  public boolean flag(boolean def, String... names) throws RpcException {
    String v = option(null, names);
    if (v == null) return def;
    if (v.isEmpty() || v.equalsIgnoreCase("true")) return true;
    if (v.equalsIgnoreCase("false")) return false;
    throw RpcException.client("invalid value for option " + names[0] + ": \"" + v + "\" is not a boolean");
  }

  /** An integer option. */
  public int intOption(int def, String... names) throws RpcException {
    String v = option(null, names);
    if (v == null) return def;
    try {
      return Integer.parseInt(v);
    } catch (NumberFormatException e) {
      throw RpcException.client("invalid value for option " + names[0] + ": \"" + v + "\" is not an integer");
    }
  }

  /**
   * The uploaded files (every part of a multipart body), kubo's file arguments.
   *
   * @throws RpcException no multipart body (plain-text 400 naming {@code name}), or the body is over
   *     the server's limit
   */
  public List<Part> files(String name) throws RpcException, IOException {
    String ct = req.getContentType();
    if (ct == null || !ct.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/")) {
      throw RpcException.missingArgument(name);
    }
    Collection<Part> parts;
    try {
      parts = req.getParts();
    } catch (ServletException | IllegalStateException e) {
      throw RpcException.client("cannot read the request body: " + e.getMessage());
    }
    if (parts.isEmpty()) throw RpcException.missingArgument(name);
    return new ArrayList<>(parts);
  }

  private void headers(String contentType) {
    resp.setHeader("Access-Control-Allow-Headers", CORS_HEADERS);
    resp.setHeader("Access-Control-Expose-Headers", CORS_HEADERS);
    resp.setContentType(contentType);
    resp.setHeader("Server", server);
    resp.setHeader("Trailer", STREAM_ERROR);
    resp.setHeader("Vary", "Origin");
    try {
      resp.setTrailerFields(() -> streamError == null ? Map.of() : Map.of(STREAM_ERROR, streamError));
    } catch (IllegalStateException e) {
      // HTTP/1.0 has no trailers; a late error then only ends the stream.
    }
  }

  /** Writes one JSON value and ends the response. */
  public void value(JsonNode value) throws IOException {
    started = true;
    headers(JSON_TYPE);
    writeLine(value);
    resp.flushBuffer(); // committed without a length: chunked, as kubo sends it
  }

  /** Starts a stream of JSON values (NDJSON). */
  public ValueStream stream() {
    return new ValueStream();
  }

  /** Starts a byte stream of {@code contentType}. */
  public OutputStream bytes(String contentType) throws IOException {
    started = true;
    headers(contentType);
    resp.setHeader("X-Stream-Output", "1");
    resp.flushBuffer();
    return resp.getOutputStream();
  }

  private void writeLine(JsonNode value) throws IOException {
    byte[] line = (JSON.writeValueAsString(value) + "\n").getBytes(StandardCharsets.UTF_8);
    resp.getOutputStream().write(line);
  }

  /** A new JSON object to fill in. */
  public static ObjectNode object() {
    return JSON.createObjectNode();
  }

  /** Whether output has started (then errors go in the trailer). */
  boolean started() {
    return started;
  }

  /** Reports an error after output started: the {@code X-Stream-Error} trailer. */
  void streamError(String message) {
    streamError = message;
  }

  /** Kubo's JSON error response (before output started). */
  void jsonError(RpcException e) throws IOException {
    resp.reset();
    headers(JSON_TYPE);
    resp.setStatus(e.httpStatus());
    ObjectNode n = object();
    n.put("Message", e.getMessage());
    n.put("Code", e.code());
    n.put("Type", "error");
    writeLine(n);
    resp.flushBuffer();
  }

  /** A stream of JSON values: the first emit sends the headers. */
  public final class ValueStream {
    private ValueStream() {}

    public void emit(JsonNode value) throws IOException {
      if (!started) {
        started = true;
        headers(JSON_TYPE);
        resp.setHeader("X-Chunked-Output", "1");
      }
      writeLine(value);
      resp.flushBuffer();
    }

    /** Ends a stream that emitted nothing with the stream headers (kubo's empty 200). */
    public void end() throws IOException {
      if (!started) {
        started = true;
        headers(JSON_TYPE);
        resp.setHeader("X-Chunked-Output", "1");
        resp.flushBuffer();
      }
    }
  }
}
