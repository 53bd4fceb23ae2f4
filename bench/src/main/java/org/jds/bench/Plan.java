package org.jds.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What one run measures: the scale series of key counts, the smaller counts of the slow
 * workloads (synced and 256 KiB puts), and how many interleaved rounds.
 *
 * @param series key counts N; the whole workload set runs at the first, the scale set at every N
 * @param syncKeys puts per synced 4 KiB put workload (and fdatasync floor repetitions)
 * @param bigKeys puts per 256 KiB put workload (and 256 KiB chunks of the raw sequential write)
 * @param rounds interleaved rounds; the table shows their median, min and max
 * @param deleteSeries the key counts whose stores the timed deletes empty: the first only (a delete
 *     of 100k files per contestant and round would take most of a full run's time limit)
 * @param s3Keys keys per workload of the s3ds set (s3ds against the local stores, at the first N)
 * @param nodeOps requests per workload of the node set (jds daemon against kubo, at the first N)
 * @param only a regular expression: only the workloads whose label it finds run (null: all); for
 *     profiling one workload, which must then include the put that makes the store it reads
 */
record Plan(List<Integer> series, int syncKeys, int bigKeys, int rounds, List<Integer> deleteSeries, int s3Keys,
    int nodeOps, Pattern only) {
  static final String A = "a"; // the store the 4 KiB sync=off put makes and the reads use

  static Plan of(boolean quick, boolean large, int rounds) {
    List<Integer> series = new ArrayList<>(quick ? List.of(1_000, 4_000) : List.of(10_000, 100_000));
    if (large) {
      series.add(quick ? 16_000 : 1_000_000);
    }
    return quick ? new Plan(series, 100, 40, rounds, List.of(series.get(0)), 100, 100, null)
        : new Plan(series, 500, 500, rounds, List.of(series.get(0)), 500, 1_000, null);
  }

  /** This plan with only the workloads whose label {@code regex} finds. */
  Plan only(Pattern regex) {
    return new Plan(series, syncKeys, bigKeys, rounds, deleteSeries, s3Keys, nodeOps, regex);
  }

  /** Whether the workload labelled {@code label} runs. */
  boolean selected(String label) {
    return only == null || only.matcher(label).find();
  }

  /**
   * Who runs a step: the stores (go-ds-flatfs, java-flatfs, java-blobfs), the stores and s3ds,
   * the node daemons (kubo and jds daemon), or the raw disk.
   */
  enum Group { STORES, S3, NODE, RAW }

  /** One workload, the number of keys it runs on, and who runs it. */
  record Step(Workload w, int n, Group group) {
    Step(Workload w, int n) {
      this(w, n, w.op().startsWith("raw-") ? Group.RAW : Group.STORES);
    }
  }

  /** The workloads at key count {@code n}, in run order; deletes are not among them. */
  List<Step> steps(int n) {
    return allSteps(n).stream().filter(st -> selected(st.w().label())).toList();
  }

  private List<Step> allSteps(int n) {
    boolean first = n == series.get(0);
    List<Step> out = new ArrayList<>();
    out.add(new Step(Workload.put("put 4 KiB sync=off, 1 writer", 4096, 1, false, A), n));
    if (first) {
      out.add(new Step(Workload.put("put 4 KiB sync=off, 8 writers", 4096, 8, false, "b"), n));
      out.add(new Step(Workload.put("put 4 KiB sync=on, 1 writer", 4096, 1, true, "c"), syncKeys));
      out.add(new Step(Workload.put("put 4 KiB sync=on, 8 writers", 4096, 8, true, "d"), syncKeys));
      out.add(new Step(Workload.put("put 256 KiB sync=on, 1 writer", 256 * 1024, 1, true, "e"), bigKeys));
      out.add(new Step(new Workload("batch put 4 KiB, 1000 per commit", "batch", 4096, 1, false, "f"), n));
    }
    out.add(new Step(Workload.read("get 4 KiB warm, random order", "get", A), n));
    out.add(new Step(Workload.read("has, hits", "has-hit", A), n));
    out.add(new Step(Workload.read("has, misses", "has-miss", A), n));
    out.add(new Step(Workload.read("getSize", "getsize", A), n));
    out.add(new Step(Workload.read("query all, keys only (ops = keys)", "query", A), n));
    out.add(new Step(Workload.read("open (ops = keys)", "open", A), n));
    if (first) {
      out.add(new Step(new Workload(RAW_SEQ, "raw-seq-write", 256 * 1024, 1, true, "raw"), bigKeys));
      out.add(new Step(new Workload(RAW_READ, "raw-rand-read", 4096, 1, false, "raw"), n));
      out.add(new Step(new Workload(RAW_SYNC, "raw-fdatasync", 4096, 1, true, "raw"), syncKeys));
      for (int w : S3_WRITERS) {
        out.add(new Step(Workload.put(S3 + "put 4 KiB, " + w + (w == 1 ? " writer" : " writers"), 4096, w, false,
            "s" + w), s3Keys, Group.S3));
      }
      out.add(new Step(new Workload(S3 + "get 4 KiB, 1 reader", "get", 4096, 1, false, "s1"), s3Keys, Group.S3));
      out.add(new Step(new Workload(S3 + "get 4 KiB, 16 readers", "get", 4096, 16, false, "s1"), s3Keys, Group.S3));
      out.add(new Step(Workload.read(S3 + "has, hits", "has-hit", "s1"), s3Keys, Group.S3));
      out.add(new Step(Workload.read(S3 + "query all, keys only (ops = keys)", "query", "s1"), s3Keys, Group.S3));
      for (int c : NODE_CLIENTS) {
        out.add(new Step(new Workload(NODE + "RPC block/put 4 KiB, " + clients(c), NodeLoad.PUT, 4096, c, false,
            "n" + c), nodeOps, Group.NODE));
      }
      for (int c : NODE_CLIENTS) {
        out.add(new Step(new Workload(NODE + "RPC block/get, " + clients(c), NodeLoad.GET, 4096, c, false, "n1"),
            nodeOps, Group.NODE));
      }
      for (int c : NODE_CLIENTS) {
        out.add(new Step(new Workload(NODE + "gateway raw GET, " + clients(c), NodeLoad.GATEWAY, 4096, c, false,
            "n1"), nodeOps, Group.NODE));
      }
    }
    return out;
  }

  /** The label prefix of the s3ds set and the node set. */
  static final String S3 = "s3 set: ";
  static final String NODE = "node: ";
  /** Writer threads of the s3ds set's puts: how the cost of a put grows with concurrency. */
  static final List<Integer> S3_WRITERS = List.of(1, 4, 16);
  /** Concurrent HTTP clients of the node set. */
  static final List<Integer> NODE_CLIENTS = List.of(1, 16);

  private static String clients(int c) {
    return c + (c == 1 ? " client" : " clients");
  }

  static final String RAW_SEQ = "raw: sequential write 256 KiB, O_DIRECT, one fdatasync";
  static final String RAW_READ = "raw: random read 4 KiB, O_DIRECT";
  static final String RAW_SYNC = "raw: 4 KiB write + fdatasync";

  /** The last workload of every store made by {@link #A}'s put, run after all others. */
  static Workload deleteAll() {
    return Workload.read("delete all (run last)", "delete", A);
  }

  /**
   * The raw-disk workload that bounds {@code w} (compared in bytes per second), or null: synced
   * small puts against the fdatasync floor, other puts against the sequential write, gets
   * against random O_DIRECT reads.
   */
  static String rawBound(Workload w) {
    return switch (w.op()) {
      case "put", "batch" -> w.sync() && w.size() <= 4096 ? RAW_SYNC : RAW_SEQ;
      case "get" -> RAW_READ;
      default -> null;
    };
  }
}
