package org.jds.datastore.wrap;

import java.util.List;

/**
 * One metric of a {@link MeasureDatastore} at one moment, in the shape a Prometheus exporter needs
 * without this module depending on Prometheus: a counter has its {@code count} (and {@code sum} equal
 * to it, no buckets); a histogram has the number of observations, their sum, and cumulative buckets
 * ({@code le} upper bounds, as Prometheus writes them; the {@code +Inf} bucket is {@code count}).
 *
 * @param name go-ds-measure's name, {@code <prefix>.<op>_total}, {@code <prefix>.<op>.errors_total},
 *     {@code <prefix>.<op>.latency_seconds} or {@code <prefix>.<op>.size_bytes}
 * @param help go-ds-measure's help text
 * @param type counter or histogram
 * @param count the counter's value, or the number of observations
 * @param sum the counter's value, or the sum of observations (seconds or bytes)
 * @param buckets histogram buckets in increasing bound order; empty for a counter
 */
public record MetricSnapshot(
    String name, String help, Type type, long count, double sum, List<Bucket> buckets) {
  public enum Type {
    COUNTER,
    HISTOGRAM
  }

  /** Observations at or below {@code upperBound} (cumulative, Prometheus {@code le}). */
  public record Bucket(double upperBound, long cumulativeCount) {}

  public MetricSnapshot {
    buckets = List.copyOf(buckets);
  }
}
