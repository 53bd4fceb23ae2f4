package org.jds.node.daemon;

import java.util.ArrayList;
import java.util.List;
import org.jds.datastore.Datastore;
import org.jds.node.repo.RepoConfig;
import org.jds.s3ds.S3Config;
import org.jds.s3ds.S3Datastore;

/**
 * The stores of a repo that other nodes may write too: S3 buckets (go-ds-s3's layout is meant to be
 * shared, and kubo with go-ds-s3 can mount the same bucket and rootDirectory). Two things follow.
 * The blockstore's key cache is turned off, since it assumes a sole writer and would keep answering
 * "absent" for a block another node put. And GC is refused unless {@link RepoConfig#ALLOW_GC_ON_S3}
 * is true: GC deletes every block this node does not pin, so on a shared bucket it would delete blocks
 * that only another node pins. Kubo with go-ds-s3 has that hazard and no guard (its maintainers' advice
 * is to share {@code /blocks} only with GC disabled, ipfs/go-ds-s3#103).
 */
public final class SharedStores {
  private SharedStores() {}

  /** The shared stores under {@code ds}, one line each ("/blocks: bucket B at URL, rootDirectory R"). */
  public static List<String> describe(Datastore ds) {
    List<String> out = new ArrayList<>();
    for (StoreLeaves.Leaf l : StoreLeaves.of(ds)) {
      if (l.store() instanceof S3Datastore s3) {
        S3Config c = s3.config();
        out.add(l.mountpoint() + ": " + c.where() + ", rootDirectory \"" + c.rootDirectory() + "\"");
      }
    }
    return out;
  }

  /** Why GC must not run on this repo, or null when it may. */
  static String gcRefusal(Datastore ds, RepoConfig config) {
    List<String> shared = describe(ds);
    if (shared.isEmpty() || config.allowGcOnS3()) return null;
    return "gc refused: " + String.join("; ", shared) + " may be shared with other nodes, and GC would delete"
        + " the blocks only they pin. If this node is the only one using it, set " + RepoConfig.ALLOW_GC_ON_S3
        + " to true (jds config --bool " + RepoConfig.ALLOW_GC_ON_S3 + " true) and restart the daemon";
  }
}
