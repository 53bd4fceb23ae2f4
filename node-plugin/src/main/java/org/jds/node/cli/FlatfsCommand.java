package org.jds.node.cli;

import java.io.PrintWriter;
import org.jds.datastore.DatastoreException;
import org.jds.flatfs.Convert;
import org.jds.flatfs.FlatfsDatastore;
import org.jds.flatfs.GoStrings;
import org.jds.flatfs.ShardId;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code jds flatfs create|upgrade|downgrade|move}: go-ds-flatfs's maintenance tool. */
@Command(
    name = "flatfs",
    description = "Create, upgrade, downgrade or reshard (move) a flatfs datastore directory.")
public final class FlatfsCommand implements Runnable {
  @Spec CommandSpec spec;

  /** No verb given: print the usage (as Go's tool does) and fail as bad input. */
  @Override
  public void run() {
    throw Jds.missingSubcommand(spec);
  }

  @Command(name = "create", description = "Make DIR a flatfs store. SHARDFUN: next-to-last/2, v1/prefix/5 or a full id.")
  int create(@Parameters(paramLabel = "DIR") String dir, @Parameters(paramLabel = "SHARDFUN") String shardFun) {
    return run(() -> {
      ShardId fn = ShardId.parse(normalize(shardFun));
      LocalDirs d = LocalDirs.of(dir);
      FlatfsDatastore.create(d.storage(), d.paths().get(0), fn);
    });
  }

  @Command(name = "upgrade", description = "Turn a v0 store (no SHARDING) into v1 with prefix/PREFIXLEN.")
  int upgrade(@Parameters(paramLabel = "DIR") String dir, @Parameters(paramLabel = "PREFIXLEN") String prefixLen) {
    return run(() -> {
      String err = GoStrings.atoiError(prefixLen);
      if (err != null) {
        throw new BadInputException(err);
      }
      int n = Integer.parseInt(prefixLen.startsWith("+") ? prefixLen.substring(1) : prefixLen);
      if (n < 0) {
        throw new BadInputException("negative PREFIXLEN: " + n);
      }
      LocalDirs d = LocalDirs.of(dir);
      Convert.upgradeV0toV1(d.storage(), d.paths().get(0), n);
    });
  }

  @Command(name = "downgrade", description = "Turn a prefix-sharded v1 store back into v0.")
  int downgrade(@Parameters(paramLabel = "DIR") String dir) {
    return run(() -> {
      LocalDirs d = LocalDirs.of(dir);
      Convert.downgradeV1toV0(d.storage(), d.paths().get(0));
    });
  }

  @Command(name = "move", description = "Move every key of OLDDIR into the existing store NEWDIR (reshard).")
  int move(@Parameters(paramLabel = "OLDDIR") String oldDir, @Parameters(paramLabel = "NEWDIR") String newDir) {
    return run(() -> {
      StoreIdentity.checkDistinct("move", oldDir, newDir);
      LocalDirs d = LocalDirs.of(oldDir, newDir);
      Convert.move(d.storage(), d.paths().get(0), d.paths().get(1), spec.commandLine().getErr());
    });
  }

  /** Go's main.go: no leading {@code /} means a short form; no leading {@code v} means v1. */
  static String normalize(String shardFun) throws BadInputException {
    if (shardFun.isEmpty()) {
      throw new BadInputException("empty SHARDFUN");
    }
    String s = shardFun;
    if (!s.startsWith("/")) {
      if (!s.startsWith("v")) {
        s = "v1/" + s;
      }
      s = ShardId.PREFIX + s;
    }
    return s;
  }

  interface Work {
    void run() throws BadInputException, DatastoreException;
  }

  private int run(Work w) {
    PrintWriter err = spec.commandLine().getErr();
    try {
      w.run();
      return Jds.EXIT_OK;
    } catch (BadInputException | DatastoreException e) {
      err.println("jds: " + e.getMessage());
      return e instanceof DatastoreException d && d.isNotFound() ? Jds.EXIT_NOT_FOUND : Jds.EXIT_BAD_INPUT;
    }
  }
}
