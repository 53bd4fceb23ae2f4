package org.jds.node.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The single user entry point, run by the {@code ./jds} launcher.
 *
 * <p>Exit codes shared by every subcommand: 0 success, 1 not found (a key or name that the command
 * looks up; {@code ds has}: absent), 2 bad input (usage, an unusable or missing store, image or
 * file, a store in use), corruption or any other error. Errors are one line on stderr that names
 * the path involved.
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
  /** A long command stopped by Ctrl-C at a safe point (128 + SIGINT, as shells report it). */
  public static final int EXIT_INTERRUPTED = 130;

  static {
    // The libraries log through System.Logger (java.util.logging here), whose default format takes
    // two lines and a stack trace; on the command line each record is one line, like the errors.
    String fmt = "java.util.logging.SimpleFormatter.format";
    if (System.getProperty(fmt) == null) System.setProperty(fmt, "jds: %4$s: %5$s%n");
  }

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw missingSubcommand(spec);
  }

  /**
   * A command group run without its verb: prints the group's usage (verbs and options) to stderr
   * and returns the error that makes it exit {@link #EXIT_BAD_INPUT}.
   */
  static CommandLine.ParameterException missingSubcommand(CommandLine.Model.CommandSpec spec) {
    spec.commandLine().usage(spec.commandLine().getErr());
    return new CommandLine.ParameterException(spec.commandLine(), "a subcommand is required");
  }

  /**
   * The exit code of an error a verb threw: a name missing inside an image is not-found; a missing
   * image, like any other unusable argument, I/O trouble or corruption, is bad input.
   */
  static int exitCode(Exception ex) {
    return ex instanceof org.jds.blobfs.BlobfsNotFoundException && !(ex instanceof org.jds.blobfs.NoSuchImageException)
        ? EXIT_NOT_FOUND : EXIT_BAD_INPUT;
  }

  /** Builds the command line with every subcommand registered; tests drive it in-process. */
  public static CommandLine commandLine() {
    CommandLine cl = new CommandLine(new Jds());
    addHelpOption(cl);
    cl.setExecutionExceptionHandler(
        (ex, cmd, parsed) -> {
          // An exception without a message (an I/O error from deep inside) still says what it is.
          cmd.getErr().println("jds: " + (ex.getMessage() != null ? ex.getMessage() : ex.toString()));
          return exitCode(ex);
        });
    cl.setParameterExceptionHandler(
        (ex, args) -> {
          ex.getCommandLine().getErr().println("jds: " + ex.getMessage());
          return EXIT_BAD_INPUT;
        });
    return cl;
  }

  /** Every group and verb takes -h/--help (its usage with every option), whether declared or not. */
  private static void addHelpOption(CommandLine cl) {
    for (CommandLine sub : cl.getSubcommands().values()) {
      CommandLine.Model.CommandSpec s = sub.getCommandSpec();
      if (!(sub.getCommand() instanceof CommandLine.HelpCommand) && s.findOption("--help") == null) {
        s.addOption(CommandLine.Model.OptionSpec.builder("-h", "--help").usageHelp(true)
            .description("Show this help message and exit.").build());
      }
      addHelpOption(sub);
    }
  }

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }
}
