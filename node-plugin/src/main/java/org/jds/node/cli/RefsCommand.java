package org.jds.node.cli;

import java.io.PrintWriter;
import org.jds.datastore.DatastoreException;
import org.jds.node.blockstore.BlockKey;
import org.jds.node.blockstore.BlockListing;
import org.jds.node.repo.Repo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code jds refs local}: every stored block as a CIDv1 raw, one per line, as kubo prints them. */
@Command(name = "refs", mixinStandardHelpOptions = true, description = "List references.",
    subcommands = {RefsCommand.Local.class})
public final class RefsCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new picocli.CommandLine.ParameterException(spec.commandLine(), "a refs subcommand is required (local)");
  }

  @Command(name = "local", mixinStandardHelpOptions = true,
      description = "List every block in the repo (CIDv1 raw, base32); keys that are not blocks go to stderr.")
  static final class Local extends RepoVerb {
    @Override
    int run(Repo r, PrintWriter out, PrintWriter err) throws DatastoreException {
      int bad = 0;
      try (BlockListing l = r.blockstore().keys()) {
        for (BlockKey k = l.next(); k != null; k = l.next()) {
          if (k.isBad()) {
            err.println("jds: bad block key " + k.key() + ": " + k.problem());
            bad++;
          } else {
            out.println(k.cid());
          }
        }
      }
      return bad == 0 ? Jds.EXIT_OK : Jds.EXIT_BAD_INPUT;
    }
  }
}
