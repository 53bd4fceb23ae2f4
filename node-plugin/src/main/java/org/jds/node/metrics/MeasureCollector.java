package org.jds.node.metrics;

import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.snapshots.ClassicHistogramBuckets;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.util.List;
import java.util.function.Supplier;
import org.jds.datastore.wrap.MetricSnapshot;

/**
 * Publishes go-ds-measure metrics ({@link org.jds.datastore.wrap.MeasureDatastore#snapshot()}) as
 * Prometheus metrics, with the dots turned into underscores as go-metrics-prometheus does
 * ({@code ipfs_fsrepo_datastore_get_total}, {@code ..._get_latency_seconds}). Thread-safe.
 */
public final class MeasureCollector implements MultiCollector {
  private final Supplier<List<MetricSnapshot>> source;

  public MeasureCollector(Supplier<List<MetricSnapshot>> source) {
    this.source = source;
  }

  @Override
  public MetricSnapshots collect() {
    MetricSnapshots.Builder out = MetricSnapshots.builder();
    for (MetricSnapshot m : source.get()) {
      String name = m.name().replace('.', '_');
      if (m.type() == MetricSnapshot.Type.COUNTER) {
        // The client appends _total itself.
        String base = name.endsWith("_total") ? name.substring(0, name.length() - "_total".length()) : name;
        out.metricSnapshot(CounterSnapshot.builder().name(base).help(m.help())
            .dataPoint(CounterSnapshot.CounterDataPointSnapshot.builder().value(m.count()).build()).build());
      } else {
        out.metricSnapshot(HistogramSnapshot.builder().name(name).help(m.help())
            .dataPoint(HistogramSnapshot.HistogramDataPointSnapshot.builder().sum(m.sum())
                .classicHistogramBuckets(buckets(m)).build()).build());
      }
    }
    return out.build();
  }

  /** Cumulative {@code le} buckets to the per-bucket counts the client wants, plus {@code +Inf}. */
  private static ClassicHistogramBuckets buckets(MetricSnapshot m) {
    int n = m.buckets().size();
    double[] bounds = new double[n + 1];
    long[] counts = new long[n + 1];
    long prev = 0;
    for (int i = 0; i < n; i++) {
      bounds[i] = m.buckets().get(i).upperBound();
      counts[i] = m.buckets().get(i).cumulativeCount() - prev;
      prev = m.buckets().get(i).cumulativeCount();
    }
    bounds[n] = Double.POSITIVE_INFINITY;
    counts[n] = Math.max(0, m.count() - prev);
    return ClassicHistogramBuckets.of(bounds, counts);
  }
}
