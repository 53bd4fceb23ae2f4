package org.jds.datastore.wrap;

import java.util.Map;
import java.util.Objects;
import org.jds.datastore.Batch;
import org.jds.datastore.BasicBatch;
import org.jds.datastore.Datastore;
import org.jds.datastore.DatastoreException;

/**
 * Go's {@code trace.Datastore}: one {@link Tracer.Span} per call, named as in Go ({@code Put},
 * {@code Get}, {@code GetSize}, {@code Query}, {@code DiskUsage}, {@code CollectGarbage}, ...), with
 * the {@code key} or {@code query} attribute, and the error recorded when the call fails. The span
 * ends when the call returns; for a query that is when the results are handed back, not when they
 * are drained (as in Go).
 *
 * <p>Maps to Go as follows: Go returns the child's batch untraced (or a {@code NewBasicBatch} over
 * the traced store when the child cannot batch); here the batch operations are traced too, as
 * {@code BatchPut}, {@code BatchDelete} and {@code BatchCommit} (and {@code BatchGet}, {@code
 * BatchHas}, {@code BatchGetSize}, {@code BatchQuery}, {@code BatchDiscard} when the child's batch is
 * a {@link org.jds.datastore.BatchReader} or {@link org.jds.datastore.DiscardableBatch}), and the
 * fallback is the same basic batch. Closing is traced as {@code Close}. Go's {@code NewTransaction} is not offered: the
 * wrapper is not a {@link org.jds.datastore.TxnDatastore}.
 *
 * <p>Thread-safe if the child and the tracer are.
 */
public final class TraceDatastore extends InterceptingDatastore {
  private final Tracer tracer;

  public TraceDatastore(Datastore child, Tracer tracer) {
    super(child);
    this.tracer = Objects.requireNonNull(tracer, "tracer");
  }

  @Override
  protected <T> T intercept(Invocation call, Action<T> action) throws DatastoreException {
    Map<String, String> attributes =
        call.key() != null
            ? Map.of("key", call.key().toString())
            : call.query() != null ? Map.of("query", call.query().toString()) : Map.of();
    Tracer.Span span = tracer.start(call.op().goName(), attributes);
    try {
      return action.run();
    } catch (DatastoreException e) {
      span.recordError(e);
      throw e;
    } finally {
      span.end();
    }
  }

  @Override
  protected Batch batchWithoutChild() {
    return new BasicBatch(this);
  }
}
