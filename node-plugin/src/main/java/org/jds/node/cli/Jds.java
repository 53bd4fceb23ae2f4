package org.jds.node.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The single user entry point, run by the {@code ./jds} launcher.
 *
 * <p>Exit codes shared by every subcommand: 0 success, 1 not found, 2 bad input or any other error
 * (one line on stderr).
 */
@Command(
    name = "jds",
    mixinStandardHelpOptions = true,
    versionProvider = JdsVersion.class,
    description = "A Java storage stack for IPFS nodes: flatfs, blobfs and the datastore API.",
    subcommands = {
      CommandLine.HelpCommand.class, FlatfsCommand.class, DsCommand.class, BlobfsCommand.class,
      InitCommand.class, ConfigCommand.class, RepoCommand.class,
      BlockCommand.class, RefsCommand.class, ImportCommand.class, ExportCommand.class, DaemonCommand.class
    })
public final class Jds implements Runnable {
  public static final int EXIT_OK = 0;
  public static final int EXIT_NOT_FOUND = 1;
  public static final int EXIT_BAD_INPUT = 2;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    // No subcommand given: show usage and signal bad input.
    spec.commandLine().usage(System.err);
    throw new CommandLine.ParameterException(spec.commandLine(), "a subcommand is required");
  }

  /** Builds the command line with every subcommand registered; tests drive it in-process. */
  public static CommandLine commandLine() {
    CommandLine cl = new CommandLine(new Jds());
    cl.setExecutionExceptionHandler(
        (ex, cmd, parsed) -> {
          cmd.getErr().println("jds: " + ex.getMessage());
          return EXIT_BAD_INPUT;
        });
    cl.setParameterExceptionHandler(
        (ex, args) -> {
          ex.getCommandLine().getErr().println("jds: " + ex.getMessage());
          return EXIT_BAD_INPUT;
        });
    return cl;
  }

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }
}
