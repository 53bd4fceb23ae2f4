package org.jds.node.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.jds.datastore.DatastoreException;
import org.jds.node.repo.Repo;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * A verb that works inside the repo: takes {@code --repo-dir}, opens the repo (locked, as {@link
 * Repo#open} does), runs, and closes it whether or not the verb failed. Errors propagate to the
 * CLI's handler ({@link Jds#exitCode}).
 */
abstract class RepoVerb implements Callable<Integer> {
  @Mixin RepoOption repo;
  @Spec CommandSpec spec;

  @Override
  public final Integer call() throws DatastoreException, BadInputException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    try (Repo r = Repo.open(repo.path())) {
      return run(r, out, err);
    } finally {
      out.flush();
      err.flush();
    }
  }

  /** The verb, on the open repo; returns the exit code. */
  abstract int run(Repo r, PrintWriter out, PrintWriter err) throws DatastoreException, BadInputException;
}
