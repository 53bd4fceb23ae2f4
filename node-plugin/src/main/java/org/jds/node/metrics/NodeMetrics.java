package org.jds.node.metrics;

import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.CounterWithCallback;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.IOException;
import java.io.OutputStream;
import org.jds.node.daemon.BlobfsImages;
import org.jds.node.daemon.Node;

/**
 * The daemon's Prometheus metrics, on a registry of its own: HTTP requests (count and latency by
 * server, route and status), the repo datastore's go-ds-measure metrics, each blobfs image's used and
 * free bytes, and GC runs and removed blocks. Thread-safe.
 */
public final class NodeMetrics implements RequestObserver {
  /** Prometheus's text format 0.0.4. */
  public static final String CONTENT_TYPE = PrometheusTextFormatWriter.CONTENT_TYPE;

  private final PrometheusRegistry registry = new PrometheusRegistry();
  private final Counter requests;
  private final Histogram latency;
  private final PrometheusTextFormatWriter writer = PrometheusTextFormatWriter.create();

  public NodeMetrics(Node node) {
    requests = Counter.builder().name("jds_http_requests_total").help("HTTP requests served")
        .labelNames("server", "route", "code").register(registry);
    latency = Histogram.builder().name("jds_http_request_duration_seconds").help("HTTP request latency")
        .labelNames("server", "route").classicOnly().register(registry);
    registry.register(new MeasureCollector(node.measured()::snapshot));
    GaugeWithCallback.builder().name("jds_blobfs_used_bytes").help("Bytes in used clusters of the blobfs image")
        .labelNames("mountpoint")
        .callback(cb -> BlobfsImages.find(node.repo().datastore()).forEach(i -> cb.call(i.usedBytes(), i.mountpoint())))
        .register(registry);
    GaugeWithCallback.builder().name("jds_blobfs_free_bytes").help("Bytes in free clusters of the blobfs image")
        .labelNames("mountpoint")
        .callback(cb -> BlobfsImages.find(node.repo().datastore()).forEach(i -> cb.call(i.freeBytes(), i.mountpoint())))
        .register(registry);
    CounterWithCallback.builder().name("jds_gc_runs").help("Completed garbage collections")
        .callback(cb -> cb.call(node.gcRuns())).register(registry);
    CounterWithCallback.builder().name("jds_gc_removed_blocks").help("Blocks removed by garbage collection")
        .callback(cb -> cb.call(node.gcRemoved())).register(registry);
  }

  @Override
  public void observe(String server, String route, int status, long nanos) {
    requests.labelValues(server, route, String.valueOf(status)).inc();
    latency.labelValues(server, route).observe(nanos / 1e9);
  }

  /** Writes every metric in Prometheus's text format. */
  public void write(OutputStream out) throws IOException {
    writer.write(out, registry.scrape());
  }
}
