package org.jds.node.rpc;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jds.datastore.DatastoreException;
import org.jds.node.daemon.Node;
import org.jds.node.dag.CodecException;
import org.jds.node.dag.MissingBlockException;
import org.jds.node.multiformats.Cid;

/** {@code pin/add}, {@code pin/rm}, {@code pin/ls} in kubo's JSON shapes. */
final class PinRpc {
  private final Node node;

  private PinRpc(Node node) {
    this.node = node;
  }

  static void register(Map<String, RpcCommand> m, Node node) {
    PinRpc p = new PinRpc(node);
    m.put("pin/add", p::add);
    m.put("pin/rm", p::rm);
    m.put("pin/ls", p::ls);
  }

  private static List<Cid> cids(List<String> args) throws RpcException {
    List<Cid> out = new ArrayList<>();
    for (String a : args) out.add(CidPaths.parse(a));
    return out;
  }

  private static ObjectNode pins(List<Cid> cids) {
    ObjectNode n = RpcCall.object();
    ArrayNode a = n.putArray("Pins");
    for (Cid c : cids) a.add(c.toString());
    return n;
  }

  private void add(RpcCall call) throws RpcException, IOException, DatastoreException, CodecException {
    List<Cid> cids = cids(call.requiredArgs("ipfs-path"));
    boolean recursive = call.flag(true, "recursive", "r");
    try {
      node.pin(cids, recursive);
    } catch (MissingBlockException e) {
      throw new RpcException("pin: block was not found locally (offline): " + e.getMessage());
    }
    call.value(pins(cids));
  }

  private void rm(RpcCall call) throws RpcException, IOException, DatastoreException {
    List<Cid> cids = cids(call.requiredArgs("ipfs-path"));
    node.unpin(cids, call.flag(true, "recursive", "r"));
    call.value(pins(cids));
  }

  private void ls(RpcCall call) throws RpcException, IOException, DatastoreException {
    String type = call.option("all", "type", "t");
    boolean all = type.equals("all");
    if (!all && !type.equals("recursive") && !type.equals("direct") && !type.equals("indirect")) {
      throw RpcException.client("invalid type '" + type + "', must be one of {direct, indirect, recursive, all}");
    }
    boolean stream = call.flag(false, "stream", "s");
    Map<String, String> found = new LinkedHashMap<>();
    List<Node.PinEntry> every = node.listPins(all || type.equals("recursive"), all || type.equals("direct"),
        all || type.equals("indirect"));
    if (call.args().isEmpty()) {
      for (Node.PinEntry e : every) found.putIfAbsent(e.cid().toString(), e.kind().label());
    } else {
      for (Cid c : cids(call.args())) {
        String kind = null;
        for (Node.PinEntry e : every) {
          if (e.cid().multihash().equals(c.multihash())) {
            kind = e.kind().label();
            break;
          }
        }
        if (kind == null) throw new RpcException("path '" + c + "' is not pinned");
        found.put(c.toString(), kind);
      }
    }
    if (stream) {
      RpcCall.ValueStream out = call.stream();
      for (Map.Entry<String, String> e : found.entrySet()) {
        ObjectNode n = RpcCall.object();
        n.put("Cid", e.getKey());
        n.put("Type", e.getValue());
        out.emit(n);
      }
      out.end();
    } else {
      ObjectNode n = RpcCall.object();
      ObjectNode keys = n.putObject("Keys");
      for (Map.Entry<String, String> e : found.entrySet()) keys.putObject(e.getKey()).put("Type", e.getValue());
      call.value(n);
    }
  }
}
