package org.jds.node.rpc;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.Map;
import org.jds.datastore.DatastoreException;
import org.jds.node.blockstore.BlockKey;
import org.jds.node.blockstore.BlockListing;
import org.jds.node.blockstore.Blockstore;
import org.jds.node.blockstore.HashMismatchException;
import org.jds.node.daemon.Node;
import org.jds.node.multiformats.Cid;
import org.jds.node.pin.GarbageCollector;
import org.jds.node.repo.RepoFiles;

/** {@code repo/stat}, {@code repo/verify}, {@code repo/gc} and {@code refs/local}, kubo's shapes. */
final class RepoRpc {
  private final Node node;

  private RepoRpc(Node node) {
    this.node = node;
  }

  static void register(Map<String, RpcCommand> m, Node node) {
    RepoRpc r = new RepoRpc(node);
    m.put("repo/stat", r::stat);
    m.put("repo/verify", r::verify);
    m.put("repo/gc", r::gc);
    m.put("refs/local", r::refsLocal);
  }

  private void stat(RpcCall call) throws RpcException, IOException, DatastoreException {
    boolean sizeOnly = call.flag(false, "size-only", "s");
    ObjectNode n = RpcCall.object();
    n.put("RepoSize", node.repoSize());
    n.put("StorageMax", node.repo().config().storageMax());
    long objects = 0;
    if (!sizeOnly) {
      try (BlockListing l = node.blocks().keys()) {
        for (BlockKey k = l.next(); k != null; k = l.next()) objects++;
      }
    }
    n.put("NumObjects", objects);
    n.put("RepoPath", sizeOnly ? "" : node.repo().path().toAbsolutePath().toString());
    n.put("Version", sizeOnly ? "" : "fs-repo@" + RepoFiles.REPO_VERSION);
    call.value(n);
  }

  /** Kubo's {@code VerifyProgress} stream: progress per block, a message per corrupt one. */
  private void verify(RpcCall call) throws RpcException, IOException, DatastoreException {
    Blockstore bs = node.repo().blockstoreBuilder().hashOnRead(true).keyCacheSize(0).build();
    RpcCall.ValueStream out = call.stream();
    long count = 0;
    long bad = 0;
    try (BlockListing l = node.blocks().keys()) {
      for (BlockKey k = l.next(); k != null; k = l.next()) {
        String problem = null;
        if (k.isBad()) {
          problem = "block " + k.key() + " was corrupt (" + k.problem() + ")";
        } else {
          try {
            bs.get(k.cid());
          } catch (HashMismatchException e) {
            problem = "block " + k.cid() + " was corrupt (" + e.getMessage() + ")";
          } catch (DatastoreException e) {
            if (!e.isNotFound()) throw e; // removed since listed: not corrupt
          }
        }
        count++;
        ObjectNode n = RpcCall.object();
        if (problem != null) {
          bad++;
          n.put("Msg", problem);
        } else {
          n.put("Msg", "");
          n.put("Progress", count);
        }
        out.emit(n);
      }
    }
    if (bad > 0) throw new RpcException("verify complete, some blocks were corrupt");
    ObjectNode done = RpcCall.object();
    done.put("Msg", "verify complete, all blocks validated.");
    out.emit(done);
  }

  /** Kubo's {@code GcResult} stream: {@code {"Key":{"/":cid}}} per removed block. */
  private void gc(RpcCall call) throws RpcException, IOException, DatastoreException {
    boolean quiet = call.flag(false, "quiet", "q");
    boolean streamErrors = call.flag(false, "stream-errors");
    GarbageCollector.Result r = node.collectGarbage();
    RpcCall.ValueStream out = call.stream();
    if (!quiet) {
      for (Cid c : r.removed()) {
        ObjectNode n = RpcCall.object();
        n.putObject("Key").put("/", c.toString());
        out.emit(n);
      }
    }
    if (streamErrors) {
      for (String e : r.errors()) {
        ObjectNode n = RpcCall.object();
        n.put("Error", e);
        out.emit(n);
      }
    } else if (!r.errors().isEmpty()) {
      throw new RpcException("encountered errors during gc run");
    }
    out.end();
  }

  private void refsLocal(RpcCall call) throws IOException, DatastoreException {
    RpcCall.ValueStream out = call.stream();
    try (BlockListing l = node.blocks().keys()) {
      for (BlockKey k = l.next(); k != null; k = l.next()) {
        ObjectNode n = RpcCall.object();
        n.put("Ref", k.isBad() ? "" : k.cid().toString());
        n.put("Err", k.isBad() ? "bad block key " + k.key() + ": " + k.problem() : "");
        out.emit(n);
      }
    }
    out.end();
  }
}
