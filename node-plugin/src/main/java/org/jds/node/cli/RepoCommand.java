package org.jds.node.cli;

import java.io.PrintWriter;
import org.jds.blobfs.fs.BlobFileSystem;
import org.jds.datastore.Datastore;
import org.jds.datastore.DatastoreException;
import org.jds.datastore.wrap.Mount;
import org.jds.datastore.wrap.MountDatastore;
import org.jds.datastore.PersistentDatastore;
import org.jds.node.blockstore.BlockKey;
import org.jds.node.blockstore.BlockListing;
import org.jds.node.blockstore.Blockstore;
import org.jds.node.blockstore.HashMismatchException;
import org.jds.node.plugin.builtin.BlobfsPlugin;
import org.jds.node.repo.Repo;
import org.jds.node.repo.RepoFiles;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import picocli.CommandLine.Option;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code jds repo ...}: offline operations on the repo. */
@Command(name = "repo", mixinStandardHelpOptions = true, description = "Operate on the repo.",
    subcommands = {RepoCommand.GrowCmd.class, RepoCommand.StatCmd.class, RepoCommand.VerifyCmd.class})
public final class RepoCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new picocli.CommandLine.ParameterException(spec.commandLine(), "a repo subcommand is required");
  }

  /**
   * {@code jds repo grow}: opens the repo, which grows each blobfs image to its configured size
   * (StorageMax unless the spec sets {@code size}), and prints the image sizes.
   */
  @Command(name = "grow", mixinStandardHelpOptions = true,
      description = "Grow the blobfs image(s) to the configured size (raise Datastore.StorageMax first).")
  static final class GrowCmd extends RepoVerb {
    @Override
    int run(Repo r, PrintWriter out, PrintWriter err) {
      printBlobfs(out, "", r.datastore());
      return Jds.EXIT_OK;
    }

    private static void printBlobfs(PrintWriter out, String at, Datastore ds) {
      if (ds instanceof MountDatastore m) {
        for (Mount mt : m.mounts()) {
          printBlobfs(out, mt.prefix().toString(), mt.datastore());
        }
      } else if (BlobfsPlugin.storageOf(ds) != null) {
        BlobFileSystem fs = BlobfsPlugin.storageOf(ds).fileSystem();
        out.printf("blobfs at %s: %d bytes%n", at.isEmpty() ? "/" : at, fs.totalClusters() * fs.clusterSize());
      }
    }
  }

  /**
   * {@code jds repo stat}: kubo's text (or with {@code --enc json}, its RPC JSON): RepoSize (the
   * datastores' disk usage), StorageMax, NumObjects (every block key), RepoPath, Version.
   */
  @Command(name = "stat", mixinStandardHelpOptions = true, description = "Print the repo's size and block count.")
  static final class StatCmd extends RepoVerb {
    @Option(names = {"-s", "--size-only"}, description = "Only RepoSize and StorageMax.") boolean sizeOnly;
    @Option(names = "--enc", defaultValue = "text", description = "text (default) or json.") String enc;

    @Override
    int run(Repo r, PrintWriter out, PrintWriter err) throws DatastoreException {
      long objects = 0;
      long size = PersistentDatastore.diskUsage(r.datastore());
      long max = r.config().storageMax();
      String path = r.path().toAbsolutePath().toString();
      if (!sizeOnly) {
        try (BlockListing l = r.blockstore().keys()) {
          for (BlockKey k = l.next(); k != null; k = l.next()) {
            objects++;
          }
        }
      }
      String version = "fs-repo@" + RepoFiles.REPO_VERSION;
      if (enc.equals("json")) {
        ObjectNode n = JsonNodeFactory.instance.objectNode();
        n.put("RepoSize", size);
        n.put("StorageMax", max);
        n.put("NumObjects", sizeOnly ? 0 : objects);
        n.put("RepoPath", sizeOnly ? "" : path);
        n.put("Version", sizeOnly ? "" : version);
        out.println(n);
      } else {
        if (!sizeOnly) {
          out.printf("NumObjects: %d%n", objects);
        }
        out.printf("RepoSize:   %d%nStorageMax: %d%n", size, max);
        if (!sizeOnly) {
          out.printf("RepoPath:   %s%nVersion:    %s%n", path, version);
        }
      }
      return Jds.EXIT_OK;
    }
  }

  /**
   * {@code jds repo verify}: re-hashes every block; each corrupt one (or key that is not a block) is
   * reported as kubo does, and any makes the exit code 2.
   */
  @Command(name = "verify", mixinStandardHelpOptions = true, description = "Check that every block hashes to its key.")
  static final class VerifyCmd extends RepoVerb {
    @Override
    int run(Repo r, PrintWriter out, PrintWriter err) throws DatastoreException {
      long ok = 0;
      long bad = 0;
      try (BlockListing l = r.blockstore().keys()) {
        Blockstore bs = r.blockstoreBuilder().hashOnRead(true).keyCacheSize(0).build();
        for (BlockKey k = l.next(); k != null; k = l.next()) {
          if (k.isBad()) {
            err.printf("block %s was corrupt (%s)%n", k.key(), k.problem());
            bad++;
            continue;
          }
          try {
            bs.get(k.cid());
            ok++;
          } catch (HashMismatchException e) {
            err.printf("block %s was corrupt (%s)%n", k.cid(), e.getMessage());
            bad++;
          }
        }
      }
      if (bad > 0) {
        err.printf("jds: verify complete, some blocks were corrupt (%d of %d)%n", bad, ok + bad);
        return Jds.EXIT_BAD_INPUT;
      }
      out.printf("verify complete, all blocks validated.%n");
      return Jds.EXIT_OK;
    }
  }
}
