package org.jds.s3ds;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicReference;
import org.jds.datastore.Batch;
import org.jds.datastore.ClosedException;
import org.jds.datastore.DatastoreException;
import org.jds.datastore.Key;
import software.amazon.awssdk.services.s3.model.S3Error;

/**
 * go-ds-s3's batch: the last operation per key wins; {@link #commit()} runs the puts in parallel on
 * the store's bounded workers and the deletes as DeleteObjects calls of up to 1,000 keys, then waits
 * for all of them. Not atomic: when some fail, {@link BatchCommitException} lists exactly the keys not
 * known to be committed, and every other operation is durable. After the first failure the
 * operations not yet started are not attempted (and listed), so a batch against a dead service
 * fails after one call's retry budget, not after one per key. Keys are checked when added. The ops
 * are cleared by commit, so the batch may be reused. Thread-safe.
 */
final class S3Batch implements Batch {
  /** Marks a delete in {@link #ops}. */
  private static final byte[] DELETE = new byte[0];

  private final S3Datastore store;
  private final ObjectNames names;
  private final Map<Key, byte[]> ops = new LinkedHashMap<>();

  /** An operation skipped because an earlier one of the same commit failed. */
  private static final class NotAttempted extends Exception {
    private static final long serialVersionUID = 1L;

    NotAttempted(String firstFailure) {
      super("not attempted after an earlier failure of this batch (" + firstFailure + ")", null, false, false);
    }
  }

  /** Runs one call of a commit unless one before it failed; records the first failure. */
  private static <T> Callable<T> guarded(AtomicReference<String> failure, Callable<T> call) {
    return () -> {
      String earlier = failure.get();
      if (earlier != null) {
        throw new NotAttempted(earlier);
      }
      try {
        return call.call();
      } catch (DatastoreException e) {
        failure.compareAndSet(null, e.getMessage());
        throw e;
      }
    };
  }

  S3Batch(S3Datastore store, ObjectNames names) {
    this.store = store;
    this.names = names;
  }

  @Override
  public synchronized void put(Key key, byte[] value) throws DatastoreException {
    names.name(key);
    ops.remove(key);
    ops.put(key, value == null ? new byte[0] : value.clone());
  }

  @Override
  public synchronized void delete(Key key) throws DatastoreException {
    names.name(key);
    ops.remove(key);
    ops.put(key, DELETE);
  }

  /**
   * Applies every operation and returns once S3 acknowledged each.
   *
   * @throws BatchCommitException naming the operations not known to be committed
   * @throws ClosedException if the store is closed
   */
  @Override
  public void commit() throws DatastoreException {
    Map<Key, byte[]> todo;
    synchronized (this) {
      todo = new LinkedHashMap<>(ops);
      ops.clear();
    }
    store.checkOpen();
    Map<Key, Future<?>> puts = new LinkedHashMap<>();
    Map<List<Key>, Future<List<S3Error>>> deletes = new LinkedHashMap<>();
    List<Key> deleteGroup = new ArrayList<>();
    AtomicReference<String> failure = new AtomicReference<>();
    try {
      for (Map.Entry<Key, byte[]> op : todo.entrySet()) {
        Key k = op.getKey();
        if (op.getValue() != DELETE) {
          String name = names.name(k);
          byte[] v = op.getValue();
          puts.put(k, store.workers().submit(guarded(failure, () -> {
            store.putObject(name, v, "batch put " + k);
            return null;
          })));
        } else {
          deleteGroup.add(k);
          if (deleteGroup.size() == S3Datastore.DELETE_MAX) {
            submitDeletes(deletes, deleteGroup, failure);
            deleteGroup = new ArrayList<>();
          }
        }
      }
      if (!deleteGroup.isEmpty()) {
        submitDeletes(deletes, deleteGroup, failure);
      }
    } catch (RejectedExecutionException e) {
      ClosedException c = new ClosedException();
      c.initCause(e);
      throw c;
    }
    Map<Key, String> failed = new LinkedHashMap<>();
    Throwable[] first = new Throwable[1];
    for (Map.Entry<Key, Future<?>> p : puts.entrySet()) {
      String why = outcome(p.getValue(), first);
      if (why != null) {
        failed.put(p.getKey(), "put: " + why);
      }
    }
    for (Map.Entry<List<Key>, Future<List<S3Error>>> d : deletes.entrySet()) {
      List<S3Error> errors = new ArrayList<>();
      String why = outcome(d.getValue(), first, errors);
      if (why != null) {
        for (Key k : d.getKey()) {
          failed.put(k, "delete: " + why);
        }
      }
      for (S3Error e : errors) {
        String key = names.keyOf(e.key());
        failed.put(key == null ? Key.of(e.key()) : Key.raw(key), "delete: " + e.code() + ": " + e.message());
      }
    }
    if (!failed.isEmpty()) {
      throw new BatchCommitException(failed, todo.size(), first[0]);
    }
  }

  private void submitDeletes(Map<List<Key>, Future<List<S3Error>>> deletes, List<Key> keys,
      AtomicReference<String> failure) throws DatastoreException {
    List<String> objectNames = new ArrayList<>(keys.size());
    for (Key k : keys) {
      objectNames.add(names.name(k));
    }
    String op = "batch delete of " + keys.size() + " keys from " + keys.get(0);
    deletes.put(keys, store.workers().submit(guarded(failure, () -> store.deleteObjects(objectNames, op))));
  }

  private static String outcome(Future<?> f, Throwable[] first) {
    return outcome(f, first, null);
  }

  /**
   * Waits for {@code f}; null when it succeeded (its per-key errors, if any, go to {@code errors}),
   * else why not. Waits out an interrupt, so no task is left unreported; the flag is restored.
   */
  @SuppressWarnings("unchecked")
  private static String outcome(Future<?> f, Throwable[] first, List<S3Error> errors) {
    boolean interrupted = false;
    try {
      while (true) {
        try {
          Object r = f.get();
          if (errors != null && r != null) {
            errors.addAll((List<S3Error>) r);
          }
          return null;
        } catch (InterruptedException e) {
          interrupted = true;
        } catch (CancellationException e) {
          return "cancelled (store closed)";
        } catch (ExecutionException e) {
          Throwable c = e.getCause();
          if (first[0] == null && !(c instanceof NotAttempted)) {
            first[0] = c;
          }
          return String.valueOf(c.getMessage());
        }
      }
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
