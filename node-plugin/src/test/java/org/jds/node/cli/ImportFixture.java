package org.jds.node.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The set-up and checks the import robustness tests share: a repo, an import in a child JVM whose
 * progress lines are awaited (events, not time), the summary, a rerun that must account for every
 * block, and an export compared with the source tree.
 */
final class ImportFixture {
  private static final Pattern SUMMARY = Pattern.compile("imported (\\d+) \\(\\d+ bytes\\), skipped (\\d+), bad (\\d+)\n");

  private final Path tmp;
  private final CliRun cli;

  ImportFixture(Path tmp, CliRun cli) {
    this.tmp = tmp;
    this.cli = cli;
  }

  /** {imported, skipped, bad} from the summary in {@code out}. */
  static long[] summary(String out) {
    Matcher m = SUMMARY.matcher(out);
    assertTrue(m.find(), out);
    return new long[] {Long.parseLong(m.group(1)), Long.parseLong(m.group(2)), Long.parseLong(m.group(3))};
  }

  /** A new repo at {@code tmp/repo}. */
  String initRepo(String profile, String size) {
    String repo = tmp.resolve("repo").toString();
    assertEquals(0, cli.run("init", "--repo-dir", repo, "--profile", profile, "--blobfs-size", size), cli.err);
    return repo;
  }

  /** {@code jds import --progress-every EVERY TREE} in a child JVM; stdout is discarded. */
  static Process startImport(String repo, Path tree, int every) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    return new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), Jds.class.getName(),
        "import", "--repo-dir", repo, "--progress-every", Integer.toString(every), tree.toString())
        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
  }

  /** Reads {@code n} progress lines of an import of {@code total} blocks from the child's stderr. */
  static void awaitProgress(BufferedReader err, int n, int total) throws IOException {
    for (int i = 0; i < n; i++) {
      String line = err.readLine();
      assertTrue(line != null && line.contains("/" + total + " blocks"), String.valueOf(line));
    }
  }

  /** The child's stderr, as lines. */
  static BufferedReader stderr(Process child) {
    return new BufferedReader(new InputStreamReader(child.getErrorStream(), StandardCharsets.UTF_8));
  }

  /** Imports {@code tree} again: exit 0 and all {@code total} blocks imported or skipped; returns the summary. */
  long[] rerun(String repo, Path tree, int total) {
    assertEquals(0, cli.run("import", "--repo-dir", repo, tree.toString()), cli.err);
    long[] s = summary(cli.out);
    assertEquals(total, s[0] + s[1], cli.out);
    return s;
  }

  /** Exports the repo as a flatfs tree and compares it with {@code tree}, file for file. */
  void assertExportsTree(String repo, Path tree) throws Exception {
    Path back = tmp.resolve("back");
    assertEquals(0, cli.run("export", "--repo-dir", repo, "--flatfs", back.toString()), cli.err);
    BlockTrees.assertSameTree(tree, back);
  }
}
