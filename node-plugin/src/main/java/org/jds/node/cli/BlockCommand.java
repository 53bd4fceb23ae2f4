package org.jds.node.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.jds.datastore.DatastoreException;
import org.jds.node.blockstore.Block;
import org.jds.node.blockstore.Blockstore;
import org.jds.node.multiformats.Cid;
import org.jds.node.multiformats.Multicodec;
import org.jds.node.multiformats.MultiformatException;
import org.jds.node.multiformats.Multihash;
import org.jds.node.repo.Repo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code jds block put|get|stat|rm}: kubo's block commands, offline on the repo, with kubo's text
 * output. Exit 0 ok, 1 a block not found, 2 bad input.
 */
@Command(name = "block", mixinStandardHelpOptions = true, description = "Store and read raw blocks.",
    subcommands = {BlockCommand.Put.class, BlockCommand.Get.class, BlockCommand.Stat.class, BlockCommand.Rm.class})
public final class BlockCommand implements Runnable {
  /** Raw block bytes for get; tests replace it. */
  static OutputStream rawOut = System.out;
  /** Input of {@code put -}; tests replace it. */
  static InputStream rawIn = System.in;

  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new picocli.CommandLine.ParameterException(spec.commandLine(), "a block subcommand is required");
  }

  /**
   * A verb on one CID of the repo (get, stat): the CID is parsed before the repo is opened, and a
   * missing block is kubo's offline not-found, exit 1.
   */
  abstract static class OneBlock implements Callable<Integer> {
    @Mixin RepoOption repo;
    @Parameters(index = "0", paramLabel = "CID") String arg;
    @Spec CommandSpec spec;

    @Override
    public final Integer call() throws DatastoreException, BadInputException, IOException {
      Cid cid = CidArgs.parse(arg);
      try (Repo r = Repo.open(repo.path())) {
        run(r.blockstore(), cid);
        return Jds.EXIT_OK;
      } catch (DatastoreException e) {
        if (!e.isNotFound()) {
          throw e;
        }
        spec.commandLine().getErr().println("jds: " + CidArgs.notFound(cid));
        return Jds.EXIT_NOT_FOUND;
      }
    }

    /** What the verb does with the block. */
    abstract void run(Blockstore bs, Cid cid) throws DatastoreException, IOException;
  }

  @Command(name = "put", mixinStandardHelpOptions = true, description = "Store FILE (or - for stdin) as a block; prints its CID.")
  static final class Put implements Callable<Integer> {
    @Mixin RepoOption repo;
    @Parameters(index = "0", paramLabel = "FILE") String file;
    @Option(names = "--cid-codec", defaultValue = "raw", description = "Codec of the CID (default raw).") String codec;
    @Option(names = "--mhtype", defaultValue = "sha2-256", description = "Hash function (default sha2-256).") String mhtype;
    @Option(names = "--allow-big-block", description = "Allow blocks over 2MiB.") boolean allowBig;
    @Spec CommandSpec spec;

    @Override
    public Integer call() throws DatastoreException, BadInputException, IOException {
      byte[] data = file.equals("-") ? rawIn.readAllBytes() : Files.readAllBytes(Path.of(file));
      if (data.length > Block.SOFT_LIMIT && !allowBig) {
        throw new BadInputException(Block.OVER_SOFT_LIMIT);
      }
      Cid cid;
      try {
        cid = Cid.v1(Multicodec.codecNamed(codec), Multihash.sum(Multicodec.hashNamed(mhtype).code(), data));
      } catch (MultiformatException e) {
        throw new BadInputException(e.getMessage());
      }
      try (Repo r = Repo.open(repo.path())) {
        r.blockstore().put(cid, data);
      }
      spec.commandLine().getOut().println(cid);
      return Jds.EXIT_OK;
    }
  }

  @Command(name = "get", mixinStandardHelpOptions = true, description = "Write the block's bytes to stdout.")
  static final class Get extends OneBlock {
    @Override
    void run(Blockstore bs, Cid cid) throws DatastoreException, IOException {
      rawOut.write(bs.get(cid));
      rawOut.flush();
    }
  }

  @Command(name = "stat", mixinStandardHelpOptions = true, description = "Print the block's key and size.")
  static final class Stat extends OneBlock {
    @Override
    void run(Blockstore bs, Cid cid) throws DatastoreException {
      spec.commandLine().getOut().printf("Key: %s%nSize: %d%n", cid, bs.getSize(cid));
    }
  }

  @Command(name = "rm", mixinStandardHelpOptions = true, description = "Remove blocks ('removed CID' per block).")
  static final class Rm extends RepoVerb {
    @Parameters(index = "0..*", arity = "1..*", paramLabel = "CID") List<String> args;
    @Option(names = {"-f", "--force"}, description = "Ignore blocks that are not there.") boolean force;
    @Option(names = {"-q", "--quiet"}, description = "Print nothing on success.") boolean quiet;

    @Override
    int run(Repo r, PrintWriter out, PrintWriter err) throws DatastoreException, BadInputException {
      boolean allRemoved = true;
      Blockstore bs = r.blockstore();
      for (String a : args) {
        Cid cid = CidArgs.parse(a);
        if (!bs.has(cid) && !force) {
          err.printf("cannot remove %s: ipld: could not find %s%n", cid, cid);
          allRemoved = false;
          continue;
        }
        bs.delete(cid);
        if (!quiet) {
          out.printf("removed %s%n", cid);
        }
      }
      if (!allRemoved) {
        err.println("jds: some blocks not removed");
        return Jds.EXIT_NOT_FOUND;
      }
      return Jds.EXIT_OK;
    }
  }
}
