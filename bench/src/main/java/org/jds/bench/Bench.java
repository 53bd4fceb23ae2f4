package org.jds.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code jds bench}: go-ds-flatfs (through the Go harness), Java flatfs on the local disk, the
 * blobfs datastore on an image file on the same disk, and the raw disk, side by side in one run.
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

  public static void main(String[] args) {
    System.exit(new CommandLine(new Bench()).execute(args));
  }

  @Override
  public Integer call() throws Exception {
    if (rounds < 1) {
      throw new CommandLine.ParameterException(new CommandLine(this), "--rounds must be at least 1");
    }
    Plan plan = Plan.of(quick, large, rounds);
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
    List<Contestant> contestants = List.of(go, JavaStore.flatfs(), JavaStore.blobfs());
    Runner runner = new Runner(plan, contestants, new RawDisk(), stores, System.err::println);
    runner.warmUp(500);
    List<Record> records = runner.run();
    deleteTree(stores);
    Summary summary = new Summary(records);
    String command = "jds bench" + (quick ? " --quick" : "") + (large ? " --large" : "")
        + (rounds != 3 ? " --rounds " + rounds : "");
    String header = "## jds bench, " + start + "\n\n`" + command + "` on " + machine.get("nproc") + " cores, "
        + machine.get("memory") + " memory, disk " + machine.get("disk") + " (" + machine.get("fileSystem") + "), "
        + machine.get("java") + ". Ratios are of medians; × raw disk compares bytes per second.";
    String md = MarkdownReport.render(summary, plan, header);
    Files.writeString(out.resolve("bench.md"), md, StandardCharsets.UTF_8);
    Files.writeString(out.resolve("scale.svg"), SvgChart.render(summary, "jds bench: cost per op against N ("
        + command + ", " + start + ")"), StandardCharsets.UTF_8);
    writeJson(out.resolve("results.json"), command, start, machine, plan, records);
    System.out.println(md);
    System.err.println("jds bench: wrote " + out.resolve("bench.md") + ", " + out.resolve("results.json") + ", "
        + out.resolve("scale.svg"));
    return 0;
  }

  private static void writeJson(Path file, String command, Instant start, Map<String, String> machine, Plan plan,
      List<Record> records) throws IOException {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("command", command);
    doc.put("start", start.toString());
    doc.put("machine", machine);
    doc.put("plan", plan);
    doc.put("node", MarkdownReport.NODE_NOT_YET);
    doc.put("samples", new ArrayList<>(records));
    new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), doc);
  }

  /** Removes the stores, after every timed run (the ext4 trap: deletes slow later creations). */
  static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> s = Files.walk(root)) {
      for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
