package org.jds.node.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.jds.blobfs.blobstore.Blobstore;
import org.jds.blobfs.datastore.BlobfsDatastore;
import org.jds.datastore.Datastore;
import org.jds.datastore.DatastoreException;
import org.jds.datastore.wrap.Mount;
import org.jds.datastore.wrap.MountDatastore;
import org.jds.node.repo.Repo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code jds repo ...}: offline operations on the repo. */
@Command(name = "repo", mixinStandardHelpOptions = true, description = "Operate on the repo.",
    subcommands = {RepoCommand.GrowCmd.class})
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
  static final class GrowCmd implements Callable<Integer> {
    @Mixin RepoOption repo;
    @Spec CommandSpec spec;

    @Override
    public Integer call() throws DatastoreException {
      PrintWriter out = spec.commandLine().getOut();
      try (Repo r = Repo.open(repo.path())) {
        printBlobfs(out, "", r.datastore());
      }
      return Jds.EXIT_OK;
    }

    private static void printBlobfs(PrintWriter out, String at, Datastore ds) {
      if (ds instanceof MountDatastore m) {
        for (Mount mt : m.mounts()) {
          printBlobfs(out, mt.prefix().toString(), mt.datastore());
        }
      } else if (ds instanceof BlobfsDatastore b) {
        Blobstore bs = b.storage().fileSystem().blobstore();
        out.printf("blobfs at %s: %d bytes%n", at.isEmpty() ? "/" : at, bs.totalClusters() * bs.clusterSize());
      }
    }
  }
}
