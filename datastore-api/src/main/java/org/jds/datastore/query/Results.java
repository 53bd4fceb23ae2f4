package org.jds.datastore.query;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.jds.datastore.DatastoreException;

/**
 * A lazy, closeable stream of query results (go-datastore's {@code query.Results}). Single consumer;
 * not thread-safe. Always close it (try-with-resources); closing twice is harmless.
 */
public final class Results implements AutoCloseable, Iterable<Result> {
  private final Query query;
  private final ResultIterator source;
  private boolean closed;

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

  /** The next result, or null when exhausted (Go's {@code NextSync}). */
  public Result next() {
    if (closed) {
      return null;
    }
    Result r = source.next();
    if (r == null) {
      close();
    }
    return r;
  }

  /**
   * Drains every entry. Stops at the first error result and throws it (Go returns the entries so far
   * with the error); always closes.
   */
  public List<Entry> rest() throws DatastoreException {
    List<Entry> out = new ArrayList<>();
    try {
      for (Result r = next(); r != null; r = next()) {
        if (r.isError()) {
          throw r.error();
        }
        out.add(r.entry());
      }
    } finally {
      close();
    }
    return out;
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

  @Override
  public void close() {
    if (!closed) {
      closed = true;
      source.close();
    }
  }
}
