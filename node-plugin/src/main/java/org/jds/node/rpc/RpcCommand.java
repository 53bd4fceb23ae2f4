package org.jds.node.rpc;

/**
 * One RPC command. It reads its arguments from the call and writes one of the call's three outputs;
 * an exception before output starts becomes kubo's error response, after that the
 * {@code X-Stream-Error} trailer ({@link RpcServlet} maps the exception types).
 */
@FunctionalInterface
public interface RpcCommand {
  void run(RpcCall call) throws Exception;
}
