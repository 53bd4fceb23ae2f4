package org.jds.datastore.query;

import java.util.ArrayList;
import java.util.List;
import org.jds.datastore.DatastoreException;
import org.jds.datastore.GoPath;

/**
 * Go's {@code NaiveQueryApply}: applies a query's steps to a raw result stream, in Go's order and with
 * Go's quirks. Each step is lazy except ordering, which must read everything.
 */
public final class NaiveQuery {
  private NaiveQuery() {}

  /**
   * Applies prefix, filters, orders, offset and limit of {@code q} to {@code r}. Like Go, the result
   * reports {@code r}'s query (each naive step keeps its upstream's query); {@code q} is used only
   * when {@code r} has none.
   */
  public static Results apply(Query q, Results r) {
    Query reported = r.query() != null ? r.query() : q;
    ResultIterator it = r.asIterator();
    String prefix = effectivePrefix(q.prefix());
    if (prefix != null) {
      it = filter(it, new FilterKeyPrefix(prefix));
    }
    for (Filter f : q.filters()) {
      it = filter(it, f);
    }
    if (!q.orders().isEmpty()) {
      it = order(it, q.orders());
    }
    if (q.offset() > 0) {
      it = offset(it, q.offset());
    }
    if (q.limit() > 0) {
      it = limit(it, q.limit());
    }
    return Results.fromIterator(reported, it);
  }

  /**
   * The raw key prefix a query prefix selects: {@code clean(prefix) + "/"}, so only strict
   * descendants match. Null when every key matches ({@code ""} or a prefix that cleans to {@code /}).
   */
  public static String effectivePrefix(String prefix) {
    if (prefix.isEmpty()) {
      return null;
    }
    String p = GoPath.clean(prefix.startsWith("/") ? prefix : "/" + prefix);
    return p.equals("/") ? null : p + "/";
  }

  /** Keeps entries that pass {@code f}; error results pass through unfiltered. */
  public static ResultIterator filter(ResultIterator in, Filter f) {
    return new ResultIterator() {
      @Override
      public Result next() {
        for (Result r = in.next(); r != null; r = in.next()) {
          if (r.isError() || f.filter(r.entry())) {
            return r;
          }
        }
        return null;
      }

      @Override
      public void close() {
        in.close();
      }
    };
  }

  /**
   * Reads everything (on the first pull), returns the error results first, then the entries sorted.
   * A custom order that breaks the comparator contract yields an error result instead of throwing.
   */
  public static ResultIterator order(ResultIterator in, List<Order> orders) {
    return new ResultIterator() {
      private ResultIterator sorted;

      @Override
      public Result next() {
        if (sorted == null) {
          sorted = sortAll(in, orders);
        }
        return sorted.next();
      }

      @Override
      public void close() {
        in.close();
      }
    };
  }

  private static ResultIterator sortAll(ResultIterator in, List<Order> orders) {
    List<Result> errors = new ArrayList<>();
    List<Entry> entries = new ArrayList<>();
    try {
      for (Result r = in.next(); r != null; r = in.next()) {
        if (r.isError()) {
          errors.add(r);
        } else {
          entries.add(r.entry());
        }
      }
    } finally {
      in.close();
    }
    List<Result> out = new ArrayList<>(errors);
    try {
      Order.sort(orders, entries);
    } catch (RuntimeException e) { // TimSort rejects inconsistent custom orders; a store must not throw
      out.add(Result.error(new DatastoreException("query order failed: " + e.getMessage(), e)));
      return Results.fromResults(null, out).asIterator();
    }
    for (Entry e : entries) {
      out.add(Result.of(e));
    }
    return Results.fromResults(null, out).asIterator();
  }

  /** Skips {@code n} results; an error met while skipping is returned at once. */
  public static ResultIterator offset(ResultIterator in, int n) {
    return new ResultIterator() {
      private int toSkip = n;

      @Override
      public Result next() {
        while (toSkip > 0) {
          Result r = in.next();
          if (r == null) {
            return null;
          }
          if (r.isError()) {
            return r; // Go returns it before counting it against the offset
          }
          toSkip--;
        }
        return in.next();
      }

      @Override
      public void close() {
        in.close();
      }
    };
  }

  /** Returns at most {@code n} results, then closes the upstream. */
  public static ResultIterator limit(ResultIterator in, int n) {
    return new ResultIterator() {
      private int left = n;

      @Override
      public Result next() {
        if (left <= 0) {
          in.close();
          return null;
        }
        left--;
        Result r = in.next();
        if (left == 0) {
          in.close();
        }
        return r;
      }

      @Override
      public void close() {
        in.close();
      }
    };
  }
}
