package org.jds.node.rpc;

import java.util.HashMap;
import java.util.Map;
import org.jds.node.daemon.Node;
import org.jds.node.daemon.NodeIdentity;

/** Every RPC command jds serves, by kubo's name. */
public final class RpcCommands {
  private RpcCommands() {}

  public static Map<String, RpcCommand> all(Node node, NodeIdentity identity, String version) {
    Map<String, RpcCommand> m = new HashMap<>();
    NodeRpc.register(m, identity, version);
    BlockRpc.register(m, node);
    DagRpc.register(m, node);
    PinRpc.register(m, node);
    RepoRpc.register(m, node);
    return m;
  }
}
