package org.jds.node.metrics;

/** Receives one finished HTTP request (for counts and latencies). Implementations are thread-safe. */
@FunctionalInterface
public interface RequestObserver {
  /** A no-op observer. */
  RequestObserver NONE = (server, route, status, nanos) -> {};

  /**
   * @param server {@code api} or {@code gateway}
   * @param route a bounded label: the RPC command, or the gateway response format
   */
  void observe(String server, String route, int status, long nanos);
}
