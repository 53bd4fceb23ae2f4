package org.jds.datastore.wrap;

import java.util.Map;
import org.jds.datastore.DatastoreException;

/**
 * The tracing hook of {@link TraceDatastore}, in place of Go's OpenTelemetry {@code trace.Tracer}:
 * adapt it to any tracing library without this module depending on one. Implementations must be
 * thread-safe if the traced store is used from several threads.
 */
@FunctionalInterface
public interface Tracer {
  /**
   * Starts a span for one call.
   *
   * @param name Go's span name ({@link DatastoreOp#goName()}: {@code Get}, {@code Put}, ...)
   * @param attributes Go's attributes: {@code key} for key operations and sync, {@code query} (the
   *     query's Go string) for queries, none otherwise; unmodifiable
   */
  Span start(String name, Map<String, String> attributes);

  /** One traced call. {@link #end()} is called exactly once, after {@link #recordError} if any. */
  interface Span {
    /** The call failed (Go: {@code RecordError} and {@code SetStatus(codes.Error, msg)}). */
    default void recordError(DatastoreException error) {}

    void end();
  }
}
