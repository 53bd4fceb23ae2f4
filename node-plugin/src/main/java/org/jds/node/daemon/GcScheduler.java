package org.jds.node.daemon;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jds.datastore.DatastoreException;
import org.jds.node.plugin.ConfigException;
import org.jds.node.repo.RepoConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Kubo's periodic GC ({@code ipfs daemon --enable-gc}): every {@code Datastore.GCPeriod} (default 1h)
 * it runs a GC if the repo's size is at least {@code StorageGCWatermark} percent of {@code StorageMax}.
 * One daemon thread; {@link #stop()} waits for a running collection.
 */
final class GcScheduler {
  private static final Logger LOG = LoggerFactory.getLogger(GcScheduler.class);
  static final String DEFAULT_PERIOD = "1h";

  private final ScheduledExecutorService exec;

  private GcScheduler(ScheduledExecutorService exec) {
    this.exec = exec;
  }

  /** @throws ConfigException a bad GCPeriod, or the node refuses GC ({@link Node#gcRefusal()}) */
  static GcScheduler start(Node node, RepoConfig config) throws ConfigException {
    if (node.gcRefusal() != null) throw new ConfigException("--enable-gc: " + node.gcRefusal());
    JsonNode p = config.get("Datastore.GCPeriod");
    Duration period = GoDuration.parse(p == null || p.asText("").isEmpty() ? DEFAULT_PERIOD : p.asText());
    if (period.isZero() || period.isNegative()) throw new ConfigException("Datastore.GCPeriod must be positive: " + p);
    long threshold = (long) (config.storageMax() * (config.storageGCWatermark() / 100.0));
    ScheduledExecutorService exec = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "jds-gc");
      t.setDaemon(true);
      return t;
    });
    exec.scheduleWithFixedDelay(() -> maybeCollect(node, threshold), period.toNanos(), period.toNanos(), TimeUnit.NANOSECONDS);
    LOG.info("periodic GC every {} above {} bytes", period, threshold);
    return new GcScheduler(exec);
  }

  private static void maybeCollect(Node node, long threshold) {
    try {
      long size = node.repoSize();
      if (size < threshold) return;
      LOG.info("repo size {} is over the GC watermark {}: collecting garbage", size, threshold);
      int removed = node.collectGarbage().removed().size();
      LOG.info("GC removed {} blocks", removed);
    } catch (DatastoreException e) {
      LOG.error("periodic GC failed: {}", e.getMessage());
    }
  }

  void stop() {
    exec.shutdown();
    try {
      if (!exec.awaitTermination(5, TimeUnit.MINUTES)) LOG.warn("GC still running at shutdown");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
