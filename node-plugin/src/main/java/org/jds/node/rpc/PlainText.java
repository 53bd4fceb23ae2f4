package org.jds.node.rpc;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** Go's {@code http.Error}: a plain-text body plus a newline, with nosniff; used by both servers. */
public final class PlainText {
  private PlainText() {}

  public static void send(HttpServletResponse resp, int status, String message) throws IOException {
    byte[] body = (message + "\n").getBytes(StandardCharsets.UTF_8);
    resp.setStatus(status);
    resp.setHeader("Content-Type", "text/plain; charset=utf-8");
    resp.setHeader("X-Content-Type-Options", "nosniff");
    resp.setContentLength(body.length);
    resp.getOutputStream().write(body);
  }
}
