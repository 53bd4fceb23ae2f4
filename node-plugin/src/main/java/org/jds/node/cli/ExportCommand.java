package org.jds.node.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.jds.datastore.Datastore;
import org.jds.datastore.DatastoreException;
import org.jds.flatfs.ShardId;
import org.jds.node.blockstore.BlockKey;
import org.jds.node.blockstore.BlockListing;
import org.jds.node.blockstore.Blockstore;
import org.jds.node.blockstore.DsKeys;
import org.jds.node.plugin.OpenContext;
import org.jds.node.plugin.builtin.FlatfsPlugin;
import org.jds.node.repo.Repo;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code jds export --flatfs DIR [--shard SHARDFUN]}: every block of the repo into a flatfs
 * directory that kubo opens as its {@code blocks} (kubo's keys, SHARDING, _README,
 * diskUsage.cache). Blocks are read with their hash checked; a corrupt one is listed and not
 * exported (exit 2). {@code jds export --car FILE CID...}: see {@link CarExport}.
 */
@Command(name = "export", mixinStandardHelpOptions = true,
    description = "Export the repo's blocks to a flatfs directory kubo can use as its blocks, or DAGs to a CAR.")
final class ExportCommand implements Callable<Integer> {
  @Mixin RepoOption repo;

  static final class Target {
    @Option(names = "--flatfs", paramLabel = "DIR", required = true, description = "A flatfs directory (created if missing).")
    Path flatfs;
    @Option(names = "--car", paramLabel = "FILE", required = true,
        description = "A CARv1 of the DAGs under CID... in kubo's dag export order.")
    Path car;
  }

  @ArgGroup(exclusive = true, multiplicity = "1") Target target;
  @Option(names = "--shard", paramLabel = "SHARDFUN", description = "Shard function for a new directory"
      + " (default /repo/flatfs/shard/v1/next-to-last/2).") String shard;
  @Parameters(paramLabel = "CID", arity = "0..*", description = "Roots of the DAGs (--car only).") List<String> roots = new ArrayList<>();
  @Spec CommandSpec spec;

  @Override
  public Integer call() throws DatastoreException, BadInputException, IOException {
    if (target.car != null) {
      return CarExport.run(repo.path(), target.car, roots, spec);
    }
    if (!roots.isEmpty()) {
      throw new BadInputException("CIDs are for --car; --flatfs exports every block");
    }
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    ShardId fn = FlatfsPlugin.shardFunc(shard != null ? shard : ShardId.DEFAULT.toString());
    long n = 0;
    long bytes = 0;
    int bad = 0;
    Path dir = target.flatfs.toAbsolutePath();
    try (Repo r = Repo.open(repo.path());
        Datastore dst = new FlatfsPlugin.Config(dir.toString(), fn, false).create(new OpenContext(dir, 0));
        BlockListing l = r.blockstore().keys()) {
      Blockstore src = r.blockstoreBuilder().hashOnRead(true).build();
      for (BlockKey k = l.next(); k != null; k = l.next()) {
        if (k.isBad()) {
          err.println("bad block key " + k.key() + ": " + k.problem());
          bad++;
          continue;
        }
        byte[] data;
        try {
          data = src.get(k.cid());
        } catch (org.jds.node.blockstore.HashMismatchException e) {
          err.println("bad block " + k.cid() + ": " + e.getMessage());
          bad++;
          continue;
        }
        dst.put(DsKeys.fromMultihash(k.cid().multihash()), data);
        n++;
        bytes += data.length;
      }
      dst.sync(org.jds.datastore.Key.ROOT);
    }
    out.printf("exported %d blocks (%d bytes) to %s, bad %d%n", n, bytes, dir, bad);
    return bad == 0 ? Jds.EXIT_OK : Jds.EXIT_BAD_INPUT;
  }
}
