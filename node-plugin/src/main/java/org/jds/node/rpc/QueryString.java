package org.jds.node.rpc;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The request's query parameters, read from the query string only: a multipart body's fields are never
 * mixed in (kubo takes arguments and options from the URL, files from the body).
 */
final class QueryString {
  private QueryString() {}

  /** Name to values, in order; a malformed escape is a client error. */
  static Map<String, List<String>> parse(String query) throws RpcException {
    Map<String, List<String>> out = new LinkedHashMap<>();
    if (query == null || query.isEmpty()) return out;
    for (String pair : query.split("&")) {
      if (pair.isEmpty()) continue;
      int eq = pair.indexOf('=');
      String name = eq < 0 ? pair : pair.substring(0, eq);
      String value = eq < 0 ? "" : pair.substring(eq + 1);
      try {
        out.computeIfAbsent(URLDecoder.decode(name, StandardCharsets.UTF_8), k -> new ArrayList<>())
            .add(URLDecoder.decode(value, StandardCharsets.UTF_8));
      } catch (IllegalArgumentException e) {
        throw RpcException.client("invalid query parameter '" + pair + "': " + e.getMessage());
      }
    }
    return out;
  }
}
