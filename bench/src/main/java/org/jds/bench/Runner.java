package org.jds.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Runs a {@link Plan}: for every N and round, every workload once per contestant, the contestants
 * in an order that rotates with the round and the workload (interleaved, so that a slow minute of
 * the machine hits all of them). No store is deleted before the last timed run: on ext4 without a
 * journal, files created soon after many deletes cost up to 1 ms each, so a delete before another
 * contestant's puts would time the file system. The deletes run last, then the disk rests.
 */
final class Runner {
  private final Plan plan;
  private final Map<Plan.Group, List<Contestant>> who;
  private final Path root;
  private final Consumer<String> log;
  private final List<Record> records = new ArrayList<>();

  /**
   * @param who the contestants of each group of steps; a group without contestants (s3ds or the
   *     node daemons skipped) is not run
   */
  Runner(Plan plan, Map<Plan.Group, List<Contestant>> who, Path root, Consumer<String> log) {
    this.plan = plan;
    this.who = who;
    this.root = root;
    this.log = log;
  }

  List<Record> run() throws Exception {
    for (int n : plan.series()) {
      for (int round = 0; round < plan.rounds(); round++) {
        List<Plan.Step> steps = plan.steps(n);
        for (int s = 0; s < steps.size(); s++) {
          Plan.Step step = steps.get(s);
          for (Contestant c : order(step.group(), round + s)) {
            time(n, round, step.w(), step.n(), c);
          }
        }
      }
    }
    for (int n : plan.selected(Plan.deleteAll().label()) ? plan.deleteSeries() : List.<Integer>of()) {
      for (int round = 0; round < plan.rounds(); round++) {
        for (Contestant c : order(Plan.Group.STORES, round)) {
          time(n, round, Plan.deleteAll(), n, c);
        }
      }
    }
    return records;
  }

  /**
   * Runs every store workload of the first N once on at most {@code n} keys for the contestants in
   * this JVM, untimed, so that the timed runs do not measure the JIT compiler; s3ds (only in the s3
   * set) on at most {@code s3n}. (The node daemons warm themselves up when they start.)
   */
  void warmUp(int n, int s3n) throws Exception {
    List<Contestant> local = who.getOrDefault(Plan.Group.STORES, List.of());
    for (Plan.Step step : plan.steps(plan.series().get(0))) {
      boolean s3 = step.group() == Plan.Group.S3;
      if (step.group() != Plan.Group.STORES && !s3) {
        continue;
      }
      for (Contestant c : who.getOrDefault(step.group(), List.of())) {
        if (c instanceof JavaStore && !(s3 && local.contains(c))) {
          Path dir = root.resolve("warmup").resolve(c.name()).resolve(step.w().store());
          c.run(step.w(), dir, Math.min(s3 ? s3n : n, step.n()), 0);
        }
      }
    }
  }

  /** The contestants of {@code group}, rotated by {@code shift}. */
  private List<Contestant> order(Plan.Group group, int shift) {
    List<Contestant> all = who.getOrDefault(group, List.of());
    List<Contestant> out = new ArrayList<>();
    for (int i = 0; i < all.size(); i++) {
      out.add(all.get((i + shift) % all.size()));
    }
    return out;
  }

  /** The directory of one store: never reused, so every put starts from an empty store. */
  Path dir(int n, int round, Contestant c, Workload w) {
    return root.resolve("N" + n).resolve("r" + round).resolve(c.name().replace(' ', '-')).resolve(w.store());
  }

  private void time(int n, int round, Workload w, int keys, Contestant c) throws Exception {
    Path dir = dir(n, round, c, w);
    Files.createDirectories(dir.getParent()); // go-ds-flatfs makes the store directory, not its parents
    // The seed differs per round, so the node set's puts write new blocks every round.
    Contestant.Sample s = c.run(w, dir, keys, round + 1);
    boolean local = w.creates() && Files.isDirectory(dir); // s3ds keeps its store in MinIO, not in dir
    long disk = local ? diskUsage(dir) : 0;
    long stored = local ? (long) keys * w.size() : 0;
    Record r = new Record(n, round, w.label(), c.name(), s.ops(), s.seconds(), s.heapBytes(), disk, stored);
    records.add(r);
    log.accept(String.format("N=%d round %d  %-40s %-14s %,12.0f ops/s", n, round + 1, w.label(), c.name(),
        r.opsPerSecond()));
  }

  /** Bytes {@code dir} takes on disk ({@code du -sB1}), or 0 when du is not available. */
  static long diskUsage(Path dir) throws IOException, InterruptedException {
    Process p;
    try {
      p = new ProcessBuilder("du", "-sB1", dir.toString()).redirectErrorStream(true).start();
    } catch (IOException e) {
      return 0;
    }
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(10, TimeUnit.MINUTES) || p.exitValue() != 0) {
      throw new IOException("du " + dir + " failed: " + out);
    }
    return Long.parseLong(out.trim().split("\\s+")[0]);
  }
}
