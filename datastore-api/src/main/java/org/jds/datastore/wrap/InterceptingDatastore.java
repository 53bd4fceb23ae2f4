package org.jds.datastore.wrap;

import java.util.Objects;
import org.jds.datastore.Batch;
import org.jds.datastore.Batching;
import org.jds.datastore.CheckedDatastore;
import org.jds.datastore.CloseState;
import org.jds.datastore.Datastore;
import org.jds.datastore.DatastoreException;
import org.jds.datastore.GCDatastore;
import org.jds.datastore.Key;
import org.jds.datastore.PersistentDatastore;
import org.jds.datastore.ScrubbedDatastore;
import org.jds.datastore.UnsupportedFeatureException;
import org.jds.datastore.query.Query;
import org.jds.datastore.query.Results;

/**
 * The base of the wrappers that do something around each call and pass it on unchanged (Go's
 * {@code delayed}, {@code retrystore}, {@code trace}, {@code LogDatastore}, go-ds-measure): every
 * operation, batch operations included, goes through {@link #intercept}, which must run the action
 * (once, several times, or not at all by throwing).
 *
 * <p>Optional features pass through as in Go's wrappers: check, scrub and GC do nothing when the
 * child lacks them, disk usage is 0 ({@link PersistentDatastore#diskUsage(Datastore)}), and a batch
 * on a child that cannot batch is {@link #batchWithoutChild()} (by default {@link
 * UnsupportedFeatureException}). The wrapper keeps its own closed flag: after {@link #close()} every
 * operation throws {@link org.jds.datastore.ClosedException} without reaching the hook, and a batch
 * opened before cannot commit. Thread-safe if the child and the hook are.
 */
public abstract class InterceptingDatastore
    implements Batching, PersistentDatastore, CheckedDatastore, ScrubbedDatastore, GCDatastore {
  /** The child's part of an operation. */
  @FunctionalInterface
  public interface Action<T> {
    T run() throws DatastoreException;
  }

  private final Datastore child;
  private final CloseState closed = new CloseState();

  protected InterceptingDatastore(Datastore child) {
    this.child = Objects.requireNonNull(child, "child");
  }

  /** The wrapped store (Go's {@code Shim.Children}). */
  public Datastore child() {
    return child;
  }

  /**
   * Runs {@code action}, the child's part of {@code call}, and returns its result.
   *
   * @throws DatastoreException what the action throws, or the hook's own failure
   */
  protected abstract <T> T intercept(Invocation call, Action<T> action) throws DatastoreException;

  /** The batch to return when the child is not {@link Batching}. */
  protected Batch batchWithoutChild() throws DatastoreException {
    throw new UnsupportedFeatureException(UnsupportedFeatureException.BATCH_UNSUPPORTED);
  }

  <T> T run(Invocation call, Action<T> action) throws DatastoreException {
    closed.check();
    return intercept(call, action);
  }

  private void runVoid(Invocation call, VoidAction action) throws DatastoreException {
    run(call, () -> {
      action.run();
      return null;
    });
  }

  @FunctionalInterface
  interface VoidAction {
    void run() throws DatastoreException;
  }

  @Override
  public byte[] get(Key key) throws DatastoreException {
    return run(Invocation.of(DatastoreOp.GET, key), () -> child.get(key));
  }

  @Override
  public boolean has(Key key) throws DatastoreException {
    return run(Invocation.of(DatastoreOp.HAS, key), () -> child.has(key));
  }

  @Override
  public int getSize(Key key) throws DatastoreException {
    return run(Invocation.of(DatastoreOp.GET_SIZE, key), () -> child.getSize(key));
  }

  @Override
  public Results query(Query q) throws DatastoreException {
    return run(new Invocation(DatastoreOp.QUERY, null, q, null), () -> child.query(q));
  }

  @Override
  public void put(Key key, byte[] value) throws DatastoreException {
    runVoid(new Invocation(DatastoreOp.PUT, key, null, value), () -> child.put(key, value));
  }

  @Override
  public void delete(Key key) throws DatastoreException {
    runVoid(Invocation.of(DatastoreOp.DELETE, key), () -> child.delete(key));
  }

  @Override
  public void sync(Key prefix) throws DatastoreException {
    runVoid(Invocation.of(DatastoreOp.SYNC, prefix), () -> child.sync(prefix));
  }

  @Override
  public long diskUsage() throws DatastoreException {
    return run(Invocation.of(DatastoreOp.DISK_USAGE), () -> PersistentDatastore.diskUsage(child));
  }

  @Override
  public void check() throws DatastoreException {
    runVoid(Invocation.of(DatastoreOp.CHECK), () -> {
      if (child instanceof CheckedDatastore c) {
        c.check();
      }
    });
  }

  @Override
  public void scrub() throws DatastoreException {
    runVoid(Invocation.of(DatastoreOp.SCRUB), () -> {
      if (child instanceof ScrubbedDatastore s) {
        s.scrub();
      }
    });
  }

  @Override
  public void collectGarbage() throws DatastoreException {
    runVoid(Invocation.of(DatastoreOp.COLLECT_GARBAGE), () -> {
      if (child instanceof GCDatastore g) {
        g.collectGarbage();
      }
    });
  }

  /** Closes the child once, through the hook; later calls do nothing. */
  @Override
  public void close() throws DatastoreException {
    if (closed.close()) {
      intercept(Invocation.of(DatastoreOp.CLOSE), () -> {
        child.close();
        return null;
      });
    }
  }

  /**
   * The child's batch with each operation intercepted, or {@link #batchWithoutChild()}; opening it
   * goes through the hook as {@link DatastoreOp#BATCH} either way (Go's trace and log do the same).
   */
  @Override
  public Batch batch() throws DatastoreException {
    return run(Invocation.of(DatastoreOp.BATCH), () -> {
      if (!(child instanceof Batching b)) {
        return batchWithoutChild();
      }
      return InterceptedBatch.wrap(this, b.batch());
    });
  }
}
