package org.jds.node.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jds.datastore.Datastore;
import org.jds.datastore.DatastoreException;
import org.jds.datastore.InvalidKeyException;
import org.jds.datastore.Key;
import org.jds.datastore.PersistentDatastore;
import org.jds.datastore.query.Query;
import org.jds.datastore.query.Result;
import org.jds.datastore.query.Results;
import org.jds.flatfs.Keys;
import org.jds.flatfs.ShardId;
import picocli.CommandLine.Command;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code jds ds --store KIND:LOCATION put|get|has|size|rm|ls|du}: one datastore operation. Exit codes:
 * 0 success ({@code has}: present), 1 not found ({@code has}: absent), 2 bad input or any other
 * error, with one line on stderr; {@code export} stopped by Ctrl-C: 130. The options go before or
 * after the verb. Verbs that only read open the store read-only ({@link StoreSpec#openForRead}).
 */
@Command(
    name = "ds",
    description = "Read and write keys of a datastore.")
public final class DsCommand implements Runnable {
  @Spec CommandSpec spec;

  /** No verb given: print the usage (as Go's tool does) and fail as bad input. */
  @Override
  public void run() {
    throw Jds.missingSubcommand(spec);
  }

  // The options are inherited: given before the verb (jds ds --store X get K) or after it
  // (jds ds get --store X K), they land in these fields.
  @Option(names = "--store", paramLabel = "KIND:LOCATION", scope = ScopeType.INHERIT,
      description = "The store, e.g. flatfs:DIR or blobfs:IMG (required).")
  String store;

  @Option(names = "--sync", negatable = true, defaultValue = "true", fallbackValue = "true", scope = ScopeType.INHERIT,
      description = "fsync every write (default); --no-sync leaves it to the OS.")
  boolean sync;

  @Option(names = "--shard", paramLabel = "SHARDFUN", scope = ScopeType.INHERIT,
      description = "Shard function for a store made on first use (blobfs image, export target), e.g. prefix/2;"
          + " an existing store with another one is an error.")
  String shard;

  private InputStream in = System.in;
  private OutputStream out = System.out;

  /** Where {@code put -} reads and {@code get} writes raw bytes (tests capture them). */
  public void setStreams(InputStream in, OutputStream out) {
    this.in = in;
    this.out = out;
  }

  @Command(name = "put", description = "Store FILE (or stdin with - or nothing) under KEY.")
  int put(@Parameters(paramLabel = "KEY") String key, @Parameters(paramLabel = "FILE", arity = "0..1") String file) {
    return run(ds -> {
      byte[] value;
      try {
        value = file == null || file.equals("-") ? in.readAllBytes() : Files.readAllBytes(Path.of(file));
      } catch (IOException e) {
        throw new BadInputException("cannot read " + (file == null ? "stdin" : file) + ": " + e.getMessage());
      }
      try {
        ds.put(Key.of(key), value);
      } catch (InvalidKeyException e) {
        throw new BadInputException(e.getMessage() + "; " + Keys.RULE);
      }
      return Jds.EXIT_OK;
    });
  }

  @Command(name = "get", description = "Write the value of KEY to stdout, raw.")
  int get(@Parameters(paramLabel = "KEY") String key) {
    return read(ds -> {
      byte[] v = ds.get(Key.of(key));
      try {
        out.write(v);
        out.flush();
      } catch (IOException e) {
        throw new BadInputException("cannot write to stdout: " + e.getMessage());
      }
      return Jds.EXIT_OK;
    });
  }

  @Command(name = "has", description = "Print true or false; exit 0 if KEY exists, 1 if not.")
  int has(@Parameters(paramLabel = "KEY") String key) {
    return read(ds -> {
      boolean h = ds.has(Key.of(key));
      spec.commandLine().getOut().println(h);
      return h ? Jds.EXIT_OK : Jds.EXIT_NOT_FOUND;
    });
  }

  @Command(name = "size", description = "Print the size of KEY's value in bytes.")
  int size(@Parameters(paramLabel = "KEY") String key) {
    return read(ds -> {
      spec.commandLine().getOut().println(ds.getSize(Key.of(key)));
      return Jds.EXIT_OK;
    });
  }

  @Command(name = "rm", description = "Delete KEY (absent is fine).")
  int rm(@Parameters(paramLabel = "KEY") String key) {
    return run(ds -> {
      ds.delete(Key.of(key));
      return Jds.EXIT_OK;
    });
  }

  @Command(name = "ls", description = "List every key, one a line, in storage order.")
  int ls(@Option(names = "--sizes", description = "Append a tab and the value size.") boolean sizes) {
    return read(ds -> {
      PrintWriter o = spec.commandLine().getOut();
      try (Results r = ds.query(Query.builder().keysOnly(true).returnsSizes(sizes).build())) {
        for (Result res : r) {
          if (res.isError()) {
            throw res.error();
          }
          o.println(sizes ? res.entry().key() + "\t" + res.entry().size() : res.entry().key());
        }
      }
      o.flush();
      return Jds.EXIT_OK;
    });
  }

  @Command(name = "export", description = {"Copy every key into another store (created if a missing flatfs:DIR).",
      "Keys the target already holds with the same size are skipped, so a rerun finishes an interrupted export.",
      "Prints the number of keys the target now holds; progress (on a terminal, or with --progress) and a summary"
          + " go to stderr. Ctrl-C stops after the current key, keeps what was copied and exits "
          + Jds.EXIT_INTERRUPTED + "."})
  int export(@Option(names = "--to", required = true, paramLabel = "KIND:LOCATION",
      description = "The target store, e.g. blobfs:IMG; it must not be the source or lie inside it.") String to,
      @Option(names = "--progress", description = "Report progress on stderr even when it is not a terminal.")
      boolean progress) {
    PrintWriter err = spec.commandLine().getErr();
    boolean terminal = System.console() != null;
    try (CtrlC ctrlC = CtrlC.install()) {
      StoreSpec from = storeSpec();
      StoreSpec target = StoreSpec.parse(to);
      DsExport.Outcome o = DsExport.run(from, target, shardId(), sync, terminal || progress ? err : null, terminal,
          ctrlC::pressed);
      if (terminal) {
        err.println();
      }
      if (o.interrupted()) {
        err.println("jds: export interrupted by Ctrl-C: " + o.describe() + "; nothing copied is lost,"
            + " run the same command again to finish");
        return Jds.EXIT_INTERRUPTED;
      }
      err.println("export: done, " + o.describe() + ", from " + from.kind() + ":" + from.location() + " to " + to);
      spec.commandLine().getOut().println(o.keys());
      return Jds.EXIT_OK;
    } catch (BadInputException | DatastoreException e) {
      err.println("jds: " + e.getMessage());
      return Jds.EXIT_BAD_INPUT;
    }
  }

  private StoreSpec storeSpec() throws BadInputException {
    if (store == null) {
      throw new BadInputException("missing required option --store=KIND:LOCATION (e.g. --store flatfs:DIR),"
          + " before or after the verb");
    }
    return StoreSpec.parse(store);
  }

  private ShardId shardId() throws BadInputException, DatastoreException {
    return shard == null ? null : ShardId.parse(FlatfsCommand.normalize(shard));
  }

  @Command(name = "du", description = "Print the store's disk usage in bytes.")
  int du() {
    return read(ds -> {
      spec.commandLine().getOut().println(PersistentDatastore.diskUsage(ds));
      return Jds.EXIT_OK;
    });
  }

  interface Op {
    int apply(Datastore ds) throws BadInputException, DatastoreException;
  }

  /** Runs a verb that writes (put, rm) on the store opened for writing. */
  private int run(Op op) {
    return run(false, op);
  }

  /** Runs a verb that only reads on the store opened read-only ({@link StoreSpec#openForRead}). */
  private int read(Op op) {
    return run(true, op);
  }

  private int run(boolean readOnly, Op op) {
    PrintWriter err = spec.commandLine().getErr();
    try (Datastore ds = readOnly ? storeSpec().openForRead(sync, shardId()) : storeSpec().open(sync, shardId(), false)) {
      return op.apply(ds);
    } catch (BadInputException | DatastoreException e) {
      err.println("jds: " + e.getMessage());
      return e instanceof DatastoreException d && d.isNotFound() ? Jds.EXIT_NOT_FOUND : Jds.EXIT_BAD_INPUT;
    }
  }
}
