package org.jds.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The records of a run grouped by key count, workload and contestant, with the median, min and
 * max over rounds. Contestants are listed in the order the run first timed each of them, the same
 * in every row (the rounds rotate who goes first).
 */
final class Summary {
  /** Median, min and max of ops/s over the rounds, and the medians of heap and disk use. */
  record Stat(double median, double min, double max, double heapBytes, double diskPerStored, int rounds) {}

  /** n → workload → contestant → records. */
  private final Map<Integer, Map<String, Map<String, List<Record>>>> groups = new LinkedHashMap<>();
  /** contestant → when the run first timed it. */
  private final Map<String, Integer> firstSeen = new HashMap<>();

  Summary(List<Record> records) {
    for (Record r : records) {
      firstSeen.putIfAbsent(r.contestant(), firstSeen.size());
      groups.computeIfAbsent(r.n(), k -> new LinkedHashMap<>())
          .computeIfAbsent(r.workload(), k -> new LinkedHashMap<>())
          .computeIfAbsent(r.contestant(), k -> new ArrayList<>())
          .add(r);
    }
  }

  List<Integer> series() {
    return new ArrayList<>(groups.keySet());
  }

  List<String> workloads(int n) {
    return new ArrayList<>(groups.getOrDefault(n, Map.of()).keySet());
  }

  List<String> contestants(int n, String workload) {
    List<String> out = new ArrayList<>(groups.getOrDefault(n, Map.of()).getOrDefault(workload, Map.of()).keySet());
    out.sort(Comparator.comparing(firstSeen::get));
    return out;
  }

  /** The statistics of one cell, or null when it was not measured. */
  Stat stat(int n, String workload, String contestant) {
    List<Record> rs = groups.getOrDefault(n, Map.of()).getOrDefault(workload, Map.of()).get(contestant);
    if (rs == null || rs.isEmpty()) {
      return null;
    }
    double[] ops = rs.stream().mapToDouble(Record::opsPerSecond).sorted().toArray();
    double[] heap = rs.stream().mapToDouble(Record::heapBytes).toArray();
    double[] disk = rs.stream().filter(r -> r.storedBytes() > 0)
        .mapToDouble(r -> (double) r.diskBytes() / r.storedBytes()).toArray();
    return new Stat(median(ops), ops[0], ops[ops.length - 1], median(heap), median(disk), rs.size());
  }

  /** The median (the mean of the middle two for an even count); 0 for none. */
  static double median(double[] xs) {
    if (xs.length == 0) {
      return 0;
    }
    double[] s = xs.clone();
    Arrays.sort(s);
    int m = s.length / 2;
    return s.length % 2 == 1 ? s[m] : (s[m - 1] + s[m]) / 2;
  }
}
