package org.jds.node.metrics;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** {@code GET /debug/metrics/prometheus} on the API port, as kubo serves it. */
public final class MetricsServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;
  private final transient NodeMetrics metrics;

  public MetricsServlet(NodeMetrics metrics) {
    this.metrics = metrics;
  }

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    resp.setContentType(NodeMetrics.CONTENT_TYPE);
    metrics.write(resp.getOutputStream());
  }
}
