package org.jds.node.gateway;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;

/**
 * The response format a gateway request asks for: {@code ?format=} wins over {@code Accept}; CAR
 * options come from the query ({@code dag-scope}, {@code car-dups}, {@code car-order},
 * {@code car-version}) or the Accept parameters ({@code version}, {@code order}, {@code dups}).
 * Unsupported values give {@link #error} (a 400).
 */
final class Format {
  enum Kind { RAW, CAR, DESERIALIZED }

  Kind kind = Kind.DESERIALIZED;
  boolean fromAccept;
  CarTraversal.Scope scope = CarTraversal.Scope.ALL;
  boolean dups;
  String error;

  private Format() {}

  static Format of(HttpServletRequest req) {
    Format f = new Format();
    String format = req.getParameter("format");
    String accept = req.getHeader("Accept");
    String acceptParams = "";
    if (format != null && !format.isEmpty()) {
      if (format.equals("raw")) f.kind = Kind.RAW;
      else if (format.equals("car")) f.kind = Kind.CAR;
    } else if (accept != null) {
      for (String t : accept.split(",")) {
        String type = t.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        if (type.equals(GatewayServlet.RAW)) {
          f.kind = Kind.RAW;
          f.fromAccept = true;
          break;
        }
        if (type.equals(GatewayServlet.CAR)) {
          f.kind = Kind.CAR;
          f.fromAccept = true;
          acceptParams = t.contains(";") ? t.substring(t.indexOf(';') + 1) : "";
          break;
        }
      }
    }
    if (f.kind == Kind.CAR) f.carOptions(req, acceptParams);
    return f;
  }

  private void carOptions(HttpServletRequest req, String acceptParams) {
    String version = req.getParameter("car-version");
    String order = req.getParameter("car-order");
    String dupsParam = req.getParameter("car-dups");
    for (String p : acceptParams.split(";")) {
      String[] kv = p.trim().split("=", 2);
      if (kv.length != 2) continue;
      switch (kv[0].trim().toLowerCase(Locale.ROOT)) {
        case "version" -> version = version == null ? kv[1].trim() : version;
        case "order" -> order = order == null ? kv[1].trim() : order;
        case "dups" -> dupsParam = dupsParam == null ? kv[1].trim() : dupsParam;
        default -> { }
      }
    }
    if (version != null && !version.equals("1")) error = "unsupported CAR version " + version + " (only 1)";
    if (order != null && !order.equals("dfs") && !order.equals("unk")) error = "unsupported car-order " + order + " (dfs or unk)";
    if (dupsParam != null && !dupsParam.equals("y") && !dupsParam.equals("n")) error = "unsupported car-dups " + dupsParam + " (y or n)";
    dups = "y".equals(dupsParam);
    String s = req.getParameter("dag-scope");
    if (s != null) {
      switch (s) {
        case "block" -> scope = CarTraversal.Scope.BLOCK;
        case "entity" -> scope = CarTraversal.Scope.ENTITY;
        case "all" -> scope = CarTraversal.Scope.ALL;
        default -> error = "unsupported dag-scope " + s + " (block, entity or all)";
      }
    }
    if (req.getParameter("entity-bytes") != null) error = "entity-bytes is not supported by this gateway";
  }
}
