package org.jds.datastore.wrap;

import java.lang.System.Logger.Level;
import java.util.Objects;
import org.jds.datastore.Datastore;
import org.jds.datastore.DatastoreException;
import org.jds.datastore.query.Query;

/**
 * Go's {@code LogDatastore} (kubo's {@code log} datastore type: {@code {"type":"log","name":...,
 * "child":{...}}}): writes one line per call, {@code <name>: <Op> <key>}, to a {@link Sink}, then
 * passes the call on. The verbs are Go's ({@code Put}, {@code Get}, {@code GetSize}, {@code Delete},
 * {@code Sync}, {@code DiskUsage}, {@code Batch}, {@code BatchPut}, {@code BatchDelete}, {@code
 * BatchCommit}, {@code Close}); a query writes Go's six lines ({@code Query}, then {@code q.Prefix},
 * {@code q.KeysOnly}, {@code q.Filters} and {@code q.Orders} counts, {@code q.Offset}). An empty name
 * becomes {@code LogDatastore}, as in Go.
 *
 * <p>Maps to Go as follows: Go's {@code log.Printf} is the sink (default: {@link System.Logger}
 * {@code org.jds.datastore.log} at INFO, so this module needs no logging library); Go does not log
 * check, scrub and GC, here they are logged as {@code Check}, {@code Scrub}, {@code CollectGarbage}.
 * A child without batching gives {@link org.jds.datastore.UnsupportedFeatureException}, as Go's
 * {@code ErrBatchUnsupported}.
 *
 * <p>Thread-safe if the child and the sink are; lines of concurrent calls interleave.
 */
public final class LogDatastore extends InterceptingDatastore {
  /** Where the lines go (Go's {@code log.Printf}); must be thread-safe for concurrent use. */
  @FunctionalInterface
  public interface Sink {
    void log(String line);
  }

  /** The default sink: {@link System.Logger} {@code org.jds.datastore.log}, INFO. */
  public static final Sink SYSTEM_LOGGER =
      line -> System.getLogger("org.jds.datastore.log").log(Level.INFO, line);

  static final String DEFAULT_NAME = "LogDatastore";

  private final String name;
  private final Sink sink;

  /** Go's {@code NewLogDatastore(child, name)}, logging to {@link #SYSTEM_LOGGER}. */
  public LogDatastore(Datastore child, String name) {
    this(child, name, SYSTEM_LOGGER);
  }

  public LogDatastore(Datastore child, String name, Sink sink) {
    super(child);
    this.name = name == null || name.isEmpty() ? DEFAULT_NAME : name;
    this.sink = Objects.requireNonNull(sink, "sink");
  }

  public String name() {
    return name;
  }

  @Override
  protected <T> T intercept(Invocation call, Action<T> action) throws DatastoreException {
    String verb = name + ": " + call.op().goName();
    Query q = call.query();
    if (q != null) {
      sink.log(verb);
      sink.log(name + ": q.Prefix: " + q.prefix());
      sink.log(name + ": q.KeysOnly: " + q.keysOnly());
      sink.log(name + ": q.Filters: " + q.filters().size());
      sink.log(name + ": q.Orders: " + q.orders().size());
      sink.log(name + ": q.Offset: " + q.offset());
    } else {
      sink.log(call.key() == null ? verb : verb + " " + call.key());
    }
    return action.run();
  }
}
