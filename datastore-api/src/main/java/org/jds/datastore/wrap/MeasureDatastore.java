package org.jds.datastore.wrap;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.jds.datastore.Datastore;
import org.jds.datastore.DatastoreException;

/**
 * go-ds-measure's {@code measure.New(prefix, child)}: per operation a call counter {@code
 * <prefix>.<op>_total}, an error counter {@code <prefix>.<op>.errors_total} and a latency histogram
 * {@code <prefix>.<op>.latency_seconds} (bounds 1e-4, 1e-3, 1e-2, 1e-1, 1 s), plus size histograms
 * {@code <prefix>.put.size_bytes}, {@code <prefix>.get.size_bytes} and {@code
 * <prefix>.batchput.size_bytes} (bounds 64, 4096, 262144, 16777216 bytes). The {@code <op>} names
 * are go-ds-measure's: {@code put}, {@code sync}, {@code get}, {@code has}, {@code getsize}, {@code
 * delete}, {@code query}, {@code check}, {@code scrub}, {@code gc}, {@code du}, {@code batchput},
 * {@code batchdelete}, {@code batchcommit}. As in Go, a not-found get or getSize is not an error,
 * check/scrub/GC are counted even when the child lacks them, opening a batch and closing are not
 * measured, and a child without batching gives {@link org.jds.datastore.UnsupportedFeatureException}.
 *
 * <p>{@link #snapshot()} reads every metric (per operation in {@link DatastoreOp} order: total, errors, latency, size); a Prometheus
 * exporter can publish it with the dots turned into underscores, as go-metrics-prometheus does.
 * Latency uses an injectable nanosecond clock ({@link System#nanoTime()} by default).
 *
 * <p>Thread-safe if the child is; each metric is updated atomically, a snapshot is not atomic across
 * metrics.
 */
public final class MeasureDatastore extends InterceptingDatastore {
  private static final double[] LATENCY_BOUNDS = {1e-4, 1e-3, 1e-2, 1e-1, 1};
  private static final double[] SIZE_BOUNDS = {1 << 6, 1 << 12, 1 << 18, 1 << 24};

  /** go-ds-measure's metric name for each measured operation. */
  private static final Map<DatastoreOp, String> NAMES = new EnumMap<>(DatastoreOp.class);

  static {
    NAMES.put(DatastoreOp.PUT, "put");
    NAMES.put(DatastoreOp.SYNC, "sync");
    NAMES.put(DatastoreOp.GET, "get");
    NAMES.put(DatastoreOp.HAS, "has");
    NAMES.put(DatastoreOp.GET_SIZE, "getsize");
    NAMES.put(DatastoreOp.DELETE, "delete");
    NAMES.put(DatastoreOp.QUERY, "query");
    NAMES.put(DatastoreOp.CHECK, "check");
    NAMES.put(DatastoreOp.SCRUB, "scrub");
    NAMES.put(DatastoreOp.COLLECT_GARBAGE, "gc");
    NAMES.put(DatastoreOp.DISK_USAGE, "du");
    NAMES.put(DatastoreOp.BATCH_PUT, "batchput");
    NAMES.put(DatastoreOp.BATCH_DELETE, "batchdelete");
    NAMES.put(DatastoreOp.BATCH_COMMIT, "batchcommit");
  }

  /** The metrics of one operation. */
  private static final class OpMetrics {
    final String base;
    final String goCall;
    final AtomicLong calls = new AtomicLong();
    final AtomicLong errors = new AtomicLong();
    final Histogram latency;
    final Histogram size;

    OpMetrics(String prefix, DatastoreOp op) {
      String name = NAMES.get(op);
      base = prefix + "." + name;
      String verb = op.goName();
      goCall = verb.startsWith("Batch") ? "Batch." + verb.substring(5) : "Datastore." + verb;
      latency = new Histogram(base + ".latency_seconds", "Latency distribution of " + goCall + " calls", LATENCY_BOUNDS);
      String sizeHelp =
          switch (op) {
            case PUT -> "Size distribution of stored byte slices";
            case GET -> "Size distribution of retrieved byte slices";
            case BATCH_PUT -> "Size distribution of byte slices put into batches";
            default -> null;
          };
      size = sizeHelp == null ? null : new Histogram(base + ".size_bytes", sizeHelp, SIZE_BOUNDS);
    }

    void addTo(List<MetricSnapshot> out) {
      out.add(counter(base + "_total", "Total number of " + goCall + " calls", calls.get()));
      out.add(counter(base + ".errors_total", "Number of errored " + goCall + " calls", errors.get()));
      out.add(latency.snapshot());
      if (size != null) {
        out.add(size.snapshot());
      }
    }

    private static MetricSnapshot counter(String name, String help, long v) {
      return new MetricSnapshot(name, help, MetricSnapshot.Type.COUNTER, v, v, List.of());
    }
  }

  private final String prefix;
  private final LongSupplier nanoClock;
  private final Map<DatastoreOp, OpMetrics> metrics = new EnumMap<>(DatastoreOp.class);

  /** go-ds-measure's {@code New(prefix, child)}. */
  public MeasureDatastore(String prefix, Datastore child) {
    this(prefix, child, System::nanoTime);
  }

  /** @param nanoClock a monotonic clock in nanoseconds (tests pass a scripted one) */
  public MeasureDatastore(String prefix, Datastore child, LongSupplier nanoClock) {
    super(child);
    this.prefix = Objects.requireNonNull(prefix, "prefix");
    this.nanoClock = Objects.requireNonNull(nanoClock, "nanoClock");
    for (DatastoreOp op : NAMES.keySet()) {
      metrics.put(op, new OpMetrics(prefix, op));
    }
  }

  public String prefix() {
    return prefix;
  }

  /** Every metric, per operation in {@link DatastoreOp} order: total, errors, latency, size. */
  public List<MetricSnapshot> snapshot() {
    List<MetricSnapshot> out = new ArrayList<>();
    for (OpMetrics m : metrics.values()) {
      m.addTo(out);
    }
    return out;
  }

  @Override
  protected <T> T intercept(Invocation call, Action<T> action) throws DatastoreException {
    OpMetrics m = metrics.get(call.op());
    if (m == null) {
      return action.run();
    }
    long start = nanoClock.getAsLong();
    m.calls.incrementAndGet();
    if (call.op() == DatastoreOp.PUT || call.op() == DatastoreOp.BATCH_PUT) {
      m.size.observe(call.valueLength());
    }
    try {
      T result = action.run();
      if (call.op() == DatastoreOp.GET && result instanceof byte[] value) {
        m.size.observe(value.length);
      }
      return result;
    } catch (DatastoreException e) {
      boolean notAnError =
          e.isNotFound() && (call.op() == DatastoreOp.GET || call.op() == DatastoreOp.GET_SIZE);
      if (!notAnError) {
        m.errors.incrementAndGet();
      }
      throw e;
    } finally {
      m.latency.observe((nanoClock.getAsLong() - start) / 1e9);
    }
  }
}
