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
import org.jds.node.blockstore.Block;
import org.jds.node.car.CarException;
import org.jds.node.car.CarWriter;
import org.jds.node.daemon.Node;
import org.jds.node.dag.CodecException;
import org.jds.node.dag.DagWalker;
import org.jds.node.dag.MissingBlockException;
import org.jds.node.multiformats.Cid;

/** {@code dag/import} (CARv1/v2, pin-roots, stats, silent) and {@code dag/export} (CARv1, kubo's order). */
final class DagRpc {
  static final String CAR_TYPE = "application/vnd.ipld.car";

  private final Node node;

  private DagRpc(Node node) {
    this.node = node;
  }

  static void register(Map<String, RpcCommand> m, Node node) {
    DagRpc d = new DagRpc(node);
    m.put("dag/import", d::importCars);
    m.put("dag/export", d::export);
  }

  private void importCars(RpcCall call) throws RpcException, IOException, DatastoreException, CarException {
    boolean pinRoots = call.flag(true, "pin-roots");
    boolean stats = call.flag(false, "stats");
    boolean silent = call.flag(false, "silent");
    List<Part> parts = call.files("path");
    List<Node.ImportResult> results = new ArrayList<>();
    long blocks = 0;
    long bytes = 0;
    for (Part p : parts) {
      try (InputStream in = p.getInputStream()) {
        Node.ImportResult r = node.importCar(in, pinRoots);
        results.add(r);
        blocks += r.blockCount();
        bytes += r.blockBytes();
      }
    }
    RpcCall.ValueStream out = call.stream();
    if (!silent) {
      if (pinRoots) { // kubo reports roots only when it pins them
        for (Node.ImportResult r : results) {
          for (int i = 0; i < r.roots().size(); i++) {
            ObjectNode root = RpcCall.object();
            ObjectNode inner = root.putObject("Root");
            inner.putObject("Cid").put("/", r.roots().get(i).toString());
            inner.put("PinErrorMsg", r.pinErrors().get(i));
            out.emit(root);
          }
        }
      }
      if (stats) {
        ObjectNode s = RpcCall.object();
        ObjectNode inner = s.putObject("Stats");
        inner.put("BlockCount", blocks);
        inner.put("BlockBytesCount", bytes);
        out.emit(s);
      }
    }
    out.end();
  }

  private void export(RpcCall call) throws RpcException, IOException, DatastoreException, CodecException {
    Cid root = CidPaths.parse(call.requiredArg("root"));
    DagWalker walker = new DagWalker(node.blocks(), List.of(root));
    Block first;
    try {
      first = walker.next(); // before any output, so a missing root is a plain error
    } catch (MissingBlockException e) {
      throw new RpcException("block was not found locally (offline): " + e.getMessage());
    }
    OutputStream out = call.bytes(CAR_TYPE);
    CarWriter car = new CarWriter(out, List.of(root));
    for (Block b = first; b != null; b = walker.next()) car.write(b);
    car.flush();
  }
}
