package org.jds.datastore.query;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jds.datastore.CancelledException;
import org.jds.datastore.DatastoreException;
import org.jds.datastore.DeadlineExceededException;

/**
 * A lazy, closeable stream of query results (go-datastore's {@code query.Results}). Always close it
 * (try-with-resources); closing twice is harmless.
 *
 * <h2>Threads, cancellation and deadlines (Go's {@code context.Context})</h2>
 * One consumer calls {@link #next()}, {@link #rest()} or the iterator. {@link #close()} is safe
 * from any thread at any time: it is Go's {@code Results.Close} (which cancels the query's context)
 * and the Java form of {@code cancel()} on the context passed to {@code Query(ctx, q)}. A {@code
 * next()} blocked in a long walk (a filter rejecting everything, an order reading everything) on
 * another thread returns null promptly, stores that walk storage stop their walk and release their
 * directory handles, and {@link #rest()} running on another thread throws {@link
 * CancelledException}. {@link #isCancelled()} tells a cancelled stream from a finished one.
 *
 * <p>A query's {@link Query#deadline()} (Go's {@code context.WithDeadline}) is checked before each
 * result: once it has passed, the stream ends with one error result carrying {@link
 * DeadlineExceededException}. A source that reports a {@link CancelledException} (a store's walk
 * that saw the deadline) also ends the stream after that result, so no partial order follows it.
 */
public final class Results implements AutoCloseable, Iterable<Result> {
  private final Query query;
  private final ResultIterator source;
  private final AtomicBoolean closed = new AtomicBoolean();
  private volatile boolean cancelled;

  private Results(Query query, ResultIterator source) {
    this.query = query;
    this.source = source;
  }

  /** Results pulled from {@code it}. */
  public static Results fromIterator(Query q, ResultIterator it) {
    return new Results(q, it);
  }

  /** Results over a fixed list of entries. */
  public static Results fromEntries(Query q, List<Entry> entries) {
    Iterator<Entry> it = entries.iterator();
    return new Results(
        q,
        new ResultIterator() {
          @Override
          public Result next() {
            return it.hasNext() ? Result.of(it.next()) : null;
          }

          @Override
          public void close() {}
        });
  }

  /** Results over a fixed list of results (entries and errors). */
  public static Results fromResults(Query q, List<Result> results) {
    Iterator<Result> it = results.iterator();
    return new Results(
        q,
        new ResultIterator() {
          @Override
          public Result next() {
            return it.hasNext() ? it.next() : null;
          }

          @Override
          public void close() {}
        });
  }

  /** The same stream reported under another query (Go's {@code ResultsReplaceQuery}). */
  public static Results replaceQuery(Results r, Query q) {
    return new Results(q, r.asIterator());
  }

  /** The query these results answer. */
  public Query query() {
    return query;
  }

  /**
   * The next result, or null when exhausted or closed (Go's {@code NextSync}). Once the query's
   * deadline has passed: one error result with {@link DeadlineExceededException}, then null.
   */
  public Result next() {
    if (closed.get()) {
      return null;
    }
    if (query != null && query.deadlinePassed()) {
      end();
      return Result.error(new DeadlineExceededException());
    }
    Result r = source.next();
    if (closed.get()) {
      return null; // closed from another thread while the source worked
    }
    if (r == null || (r.isError() && r.error() instanceof CancelledException)) {
      end();
    }
    return r;
  }

  /** The natural end: closes the source without counting as a cancellation. */
  private void end() {
    if (closed.compareAndSet(false, true)) {
      source.close();
    }
  }

  /**
   * Drains every entry. Stops at the first error result and throws it; always closes. To keep the
   * entries read before the error, as Go's {@code Rest()} does, use {@link #restPartial()}.
   *
   * @throws CancelledException if the results were closed (from another thread) before their end
   * @throws DeadlineExceededException if the query's deadline passed
   * @throws DatastoreException the first error result
   */
  public List<Entry> rest() throws DatastoreException {
    return restPartial().entriesOrThrow();
  }

  /**
   * Go's {@code Rest()}: drains the stream and returns the entries read together with the error that
   * stopped it (the first error result; {@link CancelledException} if the results were closed from
   * another thread before their end), or a null error. Never throws; always closes.
   */
  public RestResult restPartial() {
    List<Entry> out = new ArrayList<>();
    DatastoreException err = null;
    try {
      for (Result r = next(); r != null; r = next()) {
        if (r.isError()) {
          err = r.error();
          break;
        }
        out.add(r.entry());
      }
      if (err == null && cancelled) {
        err = new CancelledException();
      }
    } finally {
      close();
    }
    return new RestResult(out, err);
  }

  /**
   * Whether the stream has ended: closed, exhausted, or stopped by a deadline (Go's {@code Done()}
   * channel, polled: Java has no select). Safe from any thread.
   */
  public boolean isClosed() {
    return closed.get();
  }

  /** True if {@link #close()} came before the end of the stream (Go: the context was cancelled). */
  public boolean isCancelled() {
    return cancelled;
  }

  /** This stream as a pull iterator, handing ownership to the caller (for wrappers). */
  public ResultIterator asIterator() {
    return new ResultIterator() {
      @Override
      public Result next() {
        return Results.this.next();
      }

      @Override
      public void close() {
        Results.this.close();
      }
    };
  }

  @Override
  public Iterator<Result> iterator() {
    return new Iterator<>() {
      private Result pending;

      @Override
      public boolean hasNext() {
        if (pending == null) {
          pending = Results.this.next();
        }
        return pending != null;
      }

      @Override
      public Result next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        Result r = pending;
        pending = null;
        return r;
      }
    };
  }

  /** Ends the stream and releases its resources; safe from any thread and more than once. */
  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      cancelled = true;
      source.close();
    }
  }
}
