package org.jds.datastore.wrap;

import java.util.Objects;
import org.jds.datastore.Batch;
import org.jds.datastore.BasicBatch;
import org.jds.datastore.Datastore;
import org.jds.datastore.DatastoreException;

/**
 * Go's {@code delayed.Delayed}: waits {@link Delay#await()} before each call to the child (get, has,
 * getSize, query, put, delete, sync, disk usage, check, scrub, GC and the batch operations); closing
 * is not delayed. For testing how callers cope with a slow store.
 *
 * <p>Maps to Go as follows: Go's {@code Batch} is always a {@code NewBasicBatch} over the delayed
 * store, so every batched write is delayed as a put; here a batching child's own batch is used and
 * each batch put, delete and commit is delayed once (a child without batching gets Go's basic batch
 * over this wrapper). Go does not delay check, scrub and GC (it lacks them); here they are.
 *
 * <p>Thread-safe if the child and the delay are; waits of concurrent calls overlap.
 */
public final class DelayedDatastore extends InterceptingDatastore {
  private final Delay delay;

  public DelayedDatastore(Datastore child, Delay delay) {
    super(child);
    this.delay = Objects.requireNonNull(delay, "delay");
  }

  public Delay delay() {
    return delay;
  }

  @Override
  protected <T> T intercept(Invocation call, Action<T> action) throws DatastoreException {
    if (call.op() != DatastoreOp.CLOSE) {
      delay.await();
    }
    return action.run();
  }

  @Override
  protected Batch batchWithoutChild() {
    return new BasicBatch(this);
  }
}
