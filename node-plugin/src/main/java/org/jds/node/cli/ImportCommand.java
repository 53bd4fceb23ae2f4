package org.jds.node.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.jds.datastore.DatastoreException;
import org.jds.flatfs.Layout;
import org.jds.node.repo.Repo;
import org.jds.node.transfer.BlockSource;
import org.jds.node.transfer.CarSource;
import org.jds.node.transfer.FlatfsTree;
import org.jds.node.transfer.ImportStats;
import org.jds.node.transfer.Importer;
import org.jds.node.transfer.KuboRepo;
import org.jds.node.transfer.Progress;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code jds import PATH}: blocks from a kubo/go-ipfs repo, a bare flatfs directory or a CAR file
 * into the repo's blockstore, verified. Rerun it after an interruption: present blocks are skipped.
 * Exit 0 when every block imported or was present; 2 when a block was bad (each is listed on stderr)
 * or the import stopped on an error; 130 when Ctrl-C or SIGTERM stopped it between two blocks (the
 * repo is synced and closed cleanly first).
 */
@Command(name = "import", mixinStandardHelpOptions = true,
    description = {"Import blocks from a kubo repo, a flatfs directory or a CAR file (resumable).",
        "Ctrl-C (or SIGTERM) stops it between two blocks, keeps what was imported and exits "
            + Jds.EXIT_INTERRUPTED + "; the same command run again resumes."})
final class ImportCommand implements Callable<Integer> {
  /** Progress lines go here (tests replace it; picocli's err is a writer without a terminal check). */
  static PrintStream progressOut = System.err;

  @Mixin RepoOption repo;
  @Parameters(index = "0", paramLabel = "PATH") Path source;
  @Option(names = "--progress-every", paramLabel = "N", defaultValue = "1000",
      description = "Without a terminal, print a progress line every N blocks (default 1000).")
  long every;
  @Spec CommandSpec spec;

  @Override
  public Integer call() throws DatastoreException, BadInputException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    ImportStats stats = new ImportStats();
    boolean finished;
    try (CtrlC ctrlC = CtrlC.install(); Repo r = Repo.open(repo.path()); BlockSource src = open(source)) {
      Progress progress = new Progress(new PrintWriter(progressOut), Progress.stderrIsTerminal(), every);
      try {
        finished = new Importer(r.blockstoreBuilder().verifyPuts(false).keyCacheSize(0).build())
            .run(src, stats, progress, ctrlC::pressed);
        r.datastore().sync(org.jds.datastore.Key.ROOT);
      } catch (DatastoreException e) {
        progress.finish(stats.progressLine(src, progress.seconds()));
        report(out, err, stats);
        err.println("jds: import stopped: " + e.getMessage());
        err.println("jds: everything imported before this is stored; fix the cause and rerun to continue");
        return Jds.EXIT_BAD_INPUT;
      }
      progress.finish(stats.progressLine(src, progress.seconds()));
    }
    report(out, err, stats);
    if (!finished) {
      err.println("jds: import interrupted: " + stats.summary() + "; every block imported is stored,"
          + " run the same command again to resume");
      err.flush();
      return Jds.EXIT_INTERRUPTED;
    }
    return stats.bad().isEmpty() ? Jds.EXIT_OK : Jds.EXIT_BAD_INPUT;
  }

  private static void report(PrintWriter out, PrintWriter err, ImportStats stats) {
    for (String b : stats.bad()) {
      err.println("bad block " + b);
    }
    out.println(stats.summary());
    out.flush();
    err.flush();
  }

  /** A kubo repo, a flatfs directory (has SHARDING) or a CAR file. */
  static BlockSource open(Path path) throws DatastoreException, BadInputException {
    if (Files.isDirectory(path)) {
      if (KuboRepo.looksLikeRepo(path)) {
        return KuboRepo.open(path);
      }
      if (Files.isRegularFile(path.resolve(Layout.SHARDING_FN))) {
        return FlatfsTree.open(path, null);
      }
      throw new BadInputException(path + " is neither a kubo repo (config, datastore_spec) nor a flatfs directory (SHARDING)");
    }
    if (Files.isRegularFile(path)) {
      return CarSource.open(path);
    }
    throw new BadInputException("no such file or directory: " + path);
  }
}
