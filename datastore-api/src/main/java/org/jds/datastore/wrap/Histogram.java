package org.jds.datastore.wrap;

import java.util.ArrayList;
import java.util.List;
import org.jds.datastore.wrap.MetricSnapshot.Bucket;

/** A fixed-bucket histogram (go-metrics-interface {@code Histogram}). Thread-safe (synchronized). */
final class Histogram {
  private final String name;
  private final String help;
  private final double[] bounds;
  /** Per-bucket counts, not cumulative; the last slot is above every bound. */
  private final long[] counts;
  private long count;
  private double sum;

  Histogram(String name, String help, double[] bounds) {
    this.name = name;
    this.help = help;
    this.bounds = bounds.clone();
    this.counts = new long[bounds.length + 1];
  }

  synchronized void observe(double v) {
    int i = 0;
    while (i < bounds.length && v > bounds[i]) {
      i++;
    }
    counts[i]++;
    count++;
    sum += v;
  }

  synchronized MetricSnapshot snapshot() {
    List<Bucket> buckets = new ArrayList<>(bounds.length);
    long cumulative = 0;
    for (int i = 0; i < bounds.length; i++) {
      cumulative += counts[i];
      buckets.add(new Bucket(bounds[i], cumulative));
    }
    return new MetricSnapshot(name, help, MetricSnapshot.Type.HISTOGRAM, count, sum, buckets);
  }
}
