package org.jds.node.rpc;

import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jds.datastore.DatastoreException;
import org.jds.datastore.NotFoundException;
import org.jds.node.blockstore.Block;
import org.jds.node.daemon.Node;
import org.jds.node.dag.CodecException;
import org.jds.node.multiformats.Cid;
import org.jds.node.multiformats.Multicodec;
import org.jds.node.multiformats.MultiformatException;
import org.jds.node.multiformats.Multihash;

/** {@code block/put}, {@code block/get}, {@code block/stat}, {@code block/rm} with kubo's options and shapes. */
final class BlockRpc {
  static final String RAW_TYPE = "application/vnd.ipld.raw";

  private final Node node;

  private BlockRpc(Node node) {
    this.node = node;
  }

  static void register(Map<String, RpcCommand> m, Node node) {
    BlockRpc b = new BlockRpc(node);
    m.put("block/put", b::put);
    m.put("block/get", b::get);
    m.put("block/stat", b::stat);
    m.put("block/rm", b::rm);
  }

  private void put(RpcCall call) throws RpcException, IOException, DatastoreException {
    String codecOpt = call.option(null, "cid-codec");
    String format = call.option("", "format");
    Multicodec hash = named(() -> Multicodec.hashNamed(call.option("sha2-256", "mhtype")));
    int mhlen = call.intOption(-1, "mhlen");
    boolean pin = call.flag(false, "pin");
    boolean big = call.flag(false, "allow-big-block");
    boolean v0 = false;
    String codecName = codecOpt == null ? "raw" : codecOpt;
    if (!format.isEmpty()) {
      if (codecOpt != null && !codecOpt.equals("raw")) {
        throw RpcException.client("unable to use \"format\" (deprecated) and a custom \"cid-codec\" at the same time");
      }
      v0 = format.equals("v0");
      codecName = v0 || format.equals("protobuf") ? "dag-pb" : format;
    }
    String codecFinal = codecName;
    Multicodec codec = named(() -> Multicodec.codecNamed(codecFinal));
    List<Part> parts = call.files("data");
    RpcCall.ValueStream out = call.stream();
    for (Part p : parts) {
      byte[] data = read(p, big);
      Cid cid;
      try {
        Multihash mh = mhlen < 0 ? Multihash.sum(hash.code(), data) : Multihash.sum(hash.code(), data, mhlen);
        cid = v0 ? Cid.v0(mh) : Cid.v1(codec, mh);
      } catch (MultiformatException e) {
        throw new RpcException(e.getMessage());
      }
      try {
        node.put(cid, data, pin);
      } catch (CodecException e) {
        throw new RpcException("cannot pin " + cid + ": " + e.getMessage());
      }
      ObjectNode n = RpcCall.object();
      n.put("Key", cid.toString());
      n.put("Size", data.length);
      out.emit(n);
    }
    out.end();
  }

  private static byte[] read(Part p, boolean big) throws IOException, RpcException {
    try (InputStream in = p.getInputStream()) {
      if (big) return in.readAllBytes(); // still bounded by the server's request limit
      byte[] data = in.readNBytes(Block.SOFT_LIMIT + 1);
      if (data.length > Block.SOFT_LIMIT) {
        throw new RpcException(Block.OVER_SOFT_LIMIT);
      }
      return data;
    }
  }

  private interface Lookup {
    Multicodec get() throws MultiformatException;
  }

  private static Multicodec named(Lookup l) throws RpcException {
    try {
      return l.get();
    } catch (MultiformatException e) {
      throw new RpcException(e.getMessage());
    }
  }

  private void get(RpcCall call) throws RpcException, IOException, DatastoreException {
    Cid cid = CidPaths.parse(call.requiredArg("cid"));
    byte[] data;
    try {
      data = node.blocks().get(cid);
    } catch (NotFoundException e) {
      throw new RpcException(CidPaths.notFound(cid));
    }
    OutputStream out = call.bytes(RAW_TYPE);
    out.write(data);
  }

  private void stat(RpcCall call) throws RpcException, IOException, DatastoreException {
    Cid cid = CidPaths.parse(call.requiredArg("cid"));
    int size;
    try {
      size = node.blocks().getSize(cid);
    } catch (NotFoundException e) {
      throw new RpcException(CidPaths.notFound(cid));
    }
    ObjectNode n = RpcCall.object();
    n.put("Key", cid.toString());
    n.put("Size", size);
    call.value(n);
  }

  private void rm(RpcCall call) throws RpcException, IOException, DatastoreException {
    List<Cid> cids = new ArrayList<>();
    for (String a : call.requiredArgs("cid")) cids.add(CidPaths.parse(a));
    boolean force = call.flag(false, "force", "f");
    boolean quiet = call.flag(false, "quiet", "q");
    RpcCall.ValueStream out = call.stream();
    for (Node.Removal r : node.remove(cids, force)) {
      if (r.error() == null && quiet) continue;
      ObjectNode n = RpcCall.object();
      n.put("Hash", r.cid().toString());
      if (r.error() != null) n.put("Error", r.error());
      out.emit(n);
    }
    out.end();
  }
}
