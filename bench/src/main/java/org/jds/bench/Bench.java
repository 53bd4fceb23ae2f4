package org.jds.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.FileVisitResult;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import org.jds.node.repo.Profiles;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code jds bench}: go-ds-flatfs (through the Go harness), Java flatfs on the local disk, the
 * blobfs datastore on an image file on the same disk, and the raw disk, side by side in one run;
 * s3ds on a local MinIO beside them (the s3 set), and {@code jds daemon} against kubo v0.43.1 (the
 * node set), each skipped with a printed reason when its binary is missing (a failure under
 * {@code CI=true}).
 * Writes {@code bench.md} (tables), {@code results.json} (every sample) and {@code scale.svg}
 * (per-op cost against N) to the output directory. Exit code 0 on success, 1 when a contestant
 * fails, 2 for bad options.
 */
@Command(name = "jds bench", mixinStandardHelpOptions = true,
    description = {"Times the stores against go-ds-flatfs v0.6.1 and the raw disk in one run:",
        "medians of interleaved rounds, deletes last (see the README's bench section).",
        "Writes bench.md, results.json and scale.svg to --out."})
public final class Bench implements Callable<Integer> {
  @Option(names = "--quick", description = "Small key counts (N = 1k, 4k): a smoke run.")
  boolean quick;

  @Option(names = "--large", description = "Add N = 1M to the scale series (16k with --quick).")
  boolean large;

  @Option(names = "--out", paramLabel = "DIR", description = "Output directory (default: bench-out). The stores"
      + " are made under DIR/stores, on the disk being measured, and removed at the end.")
  Path out = Path.of("bench-out");

  @Option(names = "--rounds", paramLabel = "R", description = "Interleaved rounds (default: 3, at least 1).")
  int rounds = 3;

  @Option(names = "--only", paramLabel = "REGEX", description = "Only the workloads whose label REGEX finds"
      + " (for profiling; include the put that makes the store a read uses).")
  Pattern only;

  @Option(names = "--no-node", description = "Leave out the node set (jds daemon against kubo).")
  boolean noNode;

  @Option(names = "--no-s3", description = "Leave out the s3 set (s3ds on a local MinIO).")
  boolean noS3;

  public static void main(String[] args) {
    System.exit(new CommandLine(new Bench()).execute(args));
  }

  @Override
  public Integer call() throws Exception {
    if (rounds < 1) {
      throw new CommandLine.ParameterException(new CommandLine(this), "--rounds must be at least 1");
    }
    Plan plan = only == null ? Plan.of(quick, large, rounds) : Plan.of(quick, large, rounds).only(only);
    Files.createDirectories(out);
    Path stores = out.resolve("stores");
    if (Files.exists(stores)) {
      System.err.println("jds bench: " + stores + " exists (an earlier run stopped?): remove it first;"
          + " deleting it now would slow the next file creations on ext4 and skew this run.");
      return 1;
    }
    Instant start = Instant.now();
    Map<String, String> machine = Machine.describe(out);
    System.err.println("jds bench: building the Go harness (go-ds-flatfs v0.6.1)...");
    GoFlatfs go;
    try {
      go = GoFlatfs.build();
    } catch (IOException e) {
      System.err.println("jds bench: " + e.getMessage());
      return 1;
    }
    List<Contestant> stores3 = List.of(go, JavaStore.flatfs(), JavaStore.blobfs());
    Map<Plan.Group, List<Contestant>> who = new EnumMap<>(Plan.Group.class);
    who.put(Plan.Group.STORES, stores3);
    who.put(Plan.Group.RAW, List.of(new RawDisk()));
    List<String> notes = new ArrayList<>();
    List<AutoCloseable> started = new ArrayList<>();
    try {
      if (!addS3(who, stores3, stores, notes, started) || !addNode(who, plan, stores, notes, started)) {
        return 1;
      }
      Runner runner = new Runner(plan, who, stores, System.err::println);
      runner.warmUp(500, quick ? 20 : 100);
      List<Record> records = runner.run();
      closeAll(started);
      report(records, plan, notes, machine, start);
    } finally {
      closeAll(started);
      // After the outputs are written: on ext4 removing a few hundred thousand files takes minutes.
      Instant t0 = Instant.now();
      System.err.println("jds bench: removing the stores under " + stores + "...");
      deleteTree(stores);
      System.err.println("jds bench: removed in " + Duration.between(t0, Instant.now()).toSeconds() + " s");
    }
    return 0;
  }

  /** Writes bench.md (also printed), scale.svg and results.json. */
  private void report(List<Record> records, Plan plan, List<String> notes, Map<String, String> machine,
      Instant start) throws IOException {
    Summary summary = new Summary(records);
    String command = "jds bench" + (quick ? " --quick" : "") + (large ? " --large" : "")
        + (rounds != 3 ? " --rounds " + rounds : "") + (only != null ? " --only '" + only + "'" : "")
        + (noNode ? " --no-node" : "") + (noS3 ? " --no-s3" : "");
    Duration wall = Duration.between(start, Instant.now());
    machine.put("wallTime", wall.toString());
    String header = "## jds bench, " + start + "\n\n`" + command + "` on " + machine.get("nproc") + " cores, "
        + machine.get("memory") + " memory, disk " + machine.get("disk") + " (" + machine.get("fileSystem") + "), "
        + machine.get("java") + ", load average " + machine.get("loadAverage") + " at the start; "
        + wall.toMinutes() + " min " + wall.toSecondsPart() + " s from the start to these tables (the stores are"
        + " removed after). Ratios are of medians; × raw disk compares bytes per second.";
    String md = MarkdownReport.render(summary, plan, header, notes);
    Files.writeString(out.resolve("bench.md"), md, StandardCharsets.UTF_8);
    Files.writeString(out.resolve("scale.svg"), SvgChart.render(summary, "jds bench: cost per op against N ("
        + command + ", " + start + ")"), StandardCharsets.UTF_8);
    writeJson(out.resolve("results.json"), command, start, machine, plan, notes, records);
    System.out.println(md);
    System.err.println("jds bench: wrote " + out.resolve("bench.md") + ", " + out.resolve("results.json") + ", "
        + out.resolve("scale.svg"));
  }

  /**
   * Adds s3ds on a local MinIO to the s3 set, or a note why not.
   *
   * @return false if MinIO is missing under CI=true (printed), or it does not start
   */
  private boolean addS3(Map<Plan.Group, List<Contestant>> who, List<Contestant> stores3, Path stores,
      List<String> notes, List<AutoCloseable> started) throws InterruptedException {
    if (noS3) {
      notes.add("s3 set left out (--no-s3).");
      return true;
    }
    Binaries.Found minio = Binaries.minio();
    if (minio.path() == null) {
      return skip("s3 set (s3ds on MinIO)", minio.missing(), notes);
    }
    System.err.println("jds bench: starting MinIO (" + minio.path() + ")...");
    MinioServer server;
    try {
      server = new MinioServer(minio.path(), stores.resolve("minio"));
    } catch (IOException e) {
      System.err.println("jds bench: " + e.getMessage());
      return false;
    }
    started.add(server);
    List<Contestant> s3 = new ArrayList<>(stores3);
    s3.add(JavaStore.s3ds(server, stores));
    who.put(Plan.Group.S3, s3);
    notes.add("s3 set: s3ds on a local MinIO (single-node erasure set over 4 drive folders on the same disk, over"
        + " loopback HTTP), each store a prefix of one bucket, against the local stores on the same keys.");
    return true;
  }

  /**
   * Adds kubo and jds daemon (blobfs and flatfs profiles) to the node set, or a note why not.
   *
   * @return false if kubo is missing under CI=true (printed)
   */
  private boolean addNode(Map<Plan.Group, List<Contestant>> who, Plan plan, Path stores, List<String> notes,
      List<AutoCloseable> started) {
    if (noNode) {
      notes.add("node set left out (--no-node).");
      return true;
    }
    System.err.println("jds bench: locating kubo v0.43.1...");
    Binaries.Found kubo = Binaries.kubo();
    if (kubo.path() == null) {
      return skip("node set (jds daemon against kubo)", kubo.missing(), notes);
    }
    List<Workload> warm = plan.steps(plan.series().get(0)).stream()
        .filter(st -> st.group() == Plan.Group.NODE).map(Plan.Step::w).toList();
    int warmOps = quick ? 50 : 500;
    Path root = stores.resolve("node");
    List<Contestant> node = List.of(NodeDaemon.kubo(kubo.path(), root, warm, warmOps),
        NodeDaemon.jds(Profiles.BLOBFS, root, warm, warmOps), NodeDaemon.jds(Profiles.FLATFS, root, warm, warmOps));
    started.addAll(node);
    who.put(Plan.Group.NODE, node);
    notes.add("node set: " + kubo.path() + " (`ipfs daemon --offline`, default flatfs + leveldb datastore) and"
        + " `jds daemon` (blobfs and flatfs profiles), each a child process on loopback, under one load generator"
        + " in the bench JVM (JDK HttpClient, HTTP/1.1 keep-alive); distinct 4 KiB raw blocks; every daemon gets an"
        + " untimed warm-up pass first. × go-ds-flatfs reads × kubo in these rows.");
    return true;
  }

  /** A missing binary: a note, or under CI=true a printed failure. */
  private static boolean skip(String what, String why, List<String> notes) {
    if (Binaries.ci()) {
      System.err.println("jds bench: " + what + ": " + why + " (CI=true: a failure, not a skip)");
      return false;
    }
    System.err.println("jds bench: skipping the " + what + ": " + why);
    notes.add(what + " skipped: " + why + ".");
    return true;
  }

  /** Stops the daemons and MinIO; a failure to stop is printed, and the others still stop. */
  private static void closeAll(List<AutoCloseable> started) {
    for (AutoCloseable c : started) {
      try {
        c.close();
      } catch (Exception e) {
        System.err.println("jds bench: stopping " + c + ": " + e.getMessage());
      }
    }
    started.clear();
  }

  private static void writeJson(Path file, String command, Instant start, Map<String, String> machine, Plan plan,
      List<String> notes, List<Record> records) throws IOException {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("command", command);
    doc.put("start", start.toString());
    doc.put("machine", machine);
    doc.put("plan", plan);
    doc.put("notes", notes);
    doc.put("samples", new ArrayList<>(records));
    new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), doc);
  }

  /**
   * Removes the stores, after every timed run (the ext4 trap: deletes slow later creations), with
   * {@code rm -rf} where there is one: about 4x faster here than a Java walk (no stat and no full
   * path lookup per file), and a full run leaves about 750,000 files.
   *
   * @throws IOException if the tree cannot be removed
   */
  static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try {
      Process p = new ProcessBuilder("rm", "-rf", "--", root.toString()).inheritIO().start();
      if (p.waitFor() == 0 && !Files.exists(root)) {
        return;
      }
    } catch (IOException e) {
      // no rm: the walk below
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while removing " + root, e);
    }
    Files.walkFileTree(root, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
        Files.delete(file);
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
        if (e != null) {
          throw e;
        }
        Files.delete(dir);
        return FileVisitResult.CONTINUE;
      }
    });
  }
}
