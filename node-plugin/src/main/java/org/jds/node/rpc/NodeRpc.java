package org.jds.node.rpc;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.Locale;
import java.util.Map;
import org.jds.node.daemon.NodeIdentity;
import org.jds.node.repo.RepoFiles;

/** {@code version} (a semver {@code Version}: kubo's CLI refuses anything else) and {@code id}. */
final class NodeRpc {
  private NodeRpc() {}

  static void register(Map<String, RpcCommand> m, NodeIdentity identity, String version) {
    m.put("version", call -> version(call, version));
    m.put("id", call -> id(call, identity, version));
  }

  private static void version(RpcCall call, String version) throws IOException {
    ObjectNode n = RpcCall.object();
    n.put("Version", version);
    n.put("Commit", "");
    n.put("Repo", String.valueOf(RepoFiles.REPO_VERSION));
    n.put("System", goArch() + "/" + System.getProperty("os.name").toLowerCase(Locale.ROOT));
    n.put("Golang", "java" + System.getProperty("java.version"));
    call.value(n);
  }

  /** Go's GOARCH names for the JVM's {@code os.arch}. */
  private static String goArch() {
    String a = System.getProperty("os.arch");
    return switch (a) {
      case "x86_64", "amd64" -> "amd64";
      case "aarch64" -> "arm64";
      case "x86", "i386" -> "386";
      default -> a;
    };
  }

  private static void id(RpcCall call, NodeIdentity identity, String version) throws IOException {
    ObjectNode n = RpcCall.object();
    n.put("ID", identity.peerId());
    n.put("PublicKey", identity.publicKeyBase64());
    n.putNull("Addresses");
    n.put("AgentVersion", "jds/" + version);
    n.putNull("Protocols");
    call.value(n);
  }
}
