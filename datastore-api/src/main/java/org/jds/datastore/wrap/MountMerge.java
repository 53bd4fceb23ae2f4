package org.jds.datastore.wrap;

import java.time.Instant;
import java.util.List;
import java.util.PriorityQueue;
import org.jds.datastore.DatastoreException;
import org.jds.datastore.DeadlineExceededException;
import org.jds.datastore.Key;
import org.jds.datastore.query.Order;
import org.jds.datastore.query.Result;
import org.jds.datastore.query.ResultIterator;
import org.jds.datastore.query.Results;

/**
 * Merges the per-mount result streams of a {@link MountDatastore} query with a heap ordered by the
 * query's orders (Go's {@code querySet}); error results sort first. Single consumer; {@link
 * #close()} is safe from any thread (it closes the children's results, which stop their walks).
 */
final class MountMerge implements ResultIterator {
  /** One child's stream and its current result, keyed back under the mount prefix. */
  static final class Head {
    private final Key mount;
    private final Results results;
    private Result next;

    Head(Key mount, Results results) {
      this.mount = mount;
      this.results = results;
    }

    /** Loads the next result; false when the child is exhausted. */
    boolean advance() {
      Result r = results.next();
      if (r == null) {
        close();
        return false;
      }
      if (r.isError()) {
        next = r;
      } else {
        try {
          next = Result.of(r.entry().withKey(mount.child(Key.raw(r.entry().key())).toString()));
        } catch (DatastoreException e) {
          next = Result.error(e); // a child returned a malformed key
        }
      }
      return true;
    }

    /** Thread-safe and idempotent, as {@link Results#close()} is. */
    void close() {
      results.close();
    }
  }

  private final PriorityQueue<Head> heap;
  private final List<Head> all;
  private boolean started;
  private volatile boolean closed;
  private final Instant deadline;

  /** Merges {@code heads} by {@code orders}; stops with DeadlineExceededException at {@code deadline}. */
  MountMerge(List<Order> orders, List<Head> heads, Instant deadline) {
    this.all = heads;
    this.deadline = deadline;
    this.heap =
        new PriorityQueue<>(
            Math.max(1, heads.size()),
            (a, b) -> {
              if (a.next.isError() || b.next.isError()) {
                return Boolean.compare(!a.next.isError(), !b.next.isError());
              }
              return Order.compare(orders, a.next.entry(), b.next.entry());
            });
  }

  @Override
  public Result next() {
    if (closed) {
      return null;
    }
    if (deadline != null && !Instant.now().isBefore(deadline)) {
      close(); // a loaded head's result must not come out after the deadline
      return Result.error(new DeadlineExceededException());
    }
    if (!started) {
      started = true;
      for (Head h : all) {
        if (h.advance()) {
          heap.add(h);
        }
      }
    }
    Head h = heap.poll();
    if (h == null) {
      return null;
    }
    Result out = h.next;
    if (h.advance()) {
      heap.add(h);
    }
    return out;
  }

  @Override
  public void close() {
    closed = true; // the heap belongs to the consumer thread: leave it alone
    for (Head h : all) {
      h.close();
    }
  }
}
