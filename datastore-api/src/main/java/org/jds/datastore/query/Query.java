package org.jds.datastore.query;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A query (go-datastore's {@code query.Query}); immutable. Steps apply in Go's order: prefix,
 * filters, orders, offset, limit (see {@link NaiveQuery}).
 *
 * @param prefix only keys strictly below this (cleaned) prefix; {@code ""} or {@code /} for all
 * @param filters applied in sequence
 * @param orders applied hierarchically; the key breaks ties
 * @param limit at most this many results; 0 (or negative) means no limit
 * @param offset skip this many results first
 * @param keysOnly leave values out
 * @param returnExpirations fill {@link Entry#expiration()}
 * @param returnsSizes always fill {@link Entry#size()}
 * @param deadline when the query must stop, or null for none. Go passes a {@code context.Context}
 *     to {@code Query(ctx, q)}; here the deadline travels with the query, through every wrapper, to
 *     the store. Once it passes, the result stream ends with one error result carrying {@link
 *     org.jds.datastore.DeadlineExceededException} ({@link Results#rest()} throws it). {@link
 *     Results} checks it before each result, and stores that walk storage (flatfs, blobfs) also
 *     between listing entries, so a query blocked in a long walk (a filter rejecting everything, an
 *     order reading everything) stops promptly too. Not part of {@link #toString()} (Go's form has
 *     no deadline). To cancel without a deadline, close the results from any thread.
 */
public record Query(
    String prefix,
    List<Filter> filters,
    List<Order> orders,
    int limit,
    int offset,
    boolean keysOnly,
    boolean returnExpirations,
    boolean returnsSizes,
    Instant deadline) {

  public Query {
    prefix = prefix == null ? "" : prefix;
    filters = List.copyOf(filters == null ? List.of() : filters);
    orders = List.copyOf(orders == null ? List.of() : orders);
  }

  /** A query without a deadline. */
  public Query(
      String prefix,
      List<Filter> filters,
      List<Order> orders,
      int limit,
      int offset,
      boolean keysOnly,
      boolean returnExpirations,
      boolean returnsSizes) {
    this(prefix, filters, orders, limit, offset, keysOnly, returnExpirations, returnsSizes, null);
  }

  /** Whether {@link #deadline()} is set and has passed (Go's {@code ctx.Err() == DeadlineExceeded}). */
  public boolean deadlinePassed() {
    return deadline != null && !Clock.systemUTC().instant().isBefore(deadline);
  }

  /** The query for everything, with values. */
  public static Query all() {
    return builder().build();
  }

  public static Builder builder() {
    return new Builder();
  }

  public Builder toBuilder() {
    return new Builder()
        .prefix(prefix)
        .filters(filters)
        .orders(orders)
        .limit(limit)
        .offset(offset)
        .keysOnly(keysOnly)
        .returnExpirations(returnExpirations)
        .returnsSizes(returnsSizes)
        .deadline(deadline);
  }

  /** Reads exactly like Go's {@code Query.String()}. */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("SELECT keys");
    if (!keysOnly) {
      sb.append(",vals");
    }
    if (returnExpirations) {
      sb.append(",exps");
    }
    sb.append(' ');
    if (!prefix.isEmpty()) {
      sb.append("FROM ").append(GoQuote.quote(prefix)).append(' ');
    }
    if (!filters.isEmpty()) {
      sb.append("FILTER [").append(join(filters)).append("] ");
    }
    if (!orders.isEmpty()) {
      sb.append("ORDER [").append(join(orders)).append("] ");
    }
    if (offset > 0) {
      sb.append("OFFSET ").append(offset).append(' ');
    }
    if (limit > 0) {
      sb.append("LIMIT ").append(limit).append(' ');
    }
    return sb.substring(0, sb.length() - 1);
  }

  private static String join(List<?> items) {
    return items.stream().map(String::valueOf).collect(Collectors.joining(", "));
  }

  /** Builds a {@link Query}. */
  public static final class Builder {
    private String prefix = "";
    private List<Filter> filters = List.of();
    private List<Order> orders = List.of();
    private int limit;
    private int offset;
    private boolean keysOnly;
    private boolean returnExpirations;
    private boolean returnsSizes;
    private Instant deadline;

    public Builder prefix(String p) {
      prefix = p;
      return this;
    }

    public Builder filters(List<Filter> f) {
      filters = f;
      return this;
    }

    public Builder filters(Filter... f) {
      return filters(List.of(f));
    }

    public Builder orders(List<Order> o) {
      orders = o;
      return this;
    }

    public Builder orders(Order... o) {
      return orders(List.of(o));
    }

    public Builder limit(int n) {
      limit = n;
      return this;
    }

    public Builder offset(int n) {
      offset = n;
      return this;
    }

    public Builder keysOnly(boolean b) {
      keysOnly = b;
      return this;
    }

    public Builder returnExpirations(boolean b) {
      returnExpirations = b;
      return this;
    }

    public Builder returnsSizes(boolean b) {
      returnsSizes = b;
      return this;
    }

    /** Go's {@code context.WithDeadline}: the query stops at {@code d} (null: no deadline). */
    public Builder deadline(Instant d) {
      deadline = d;
      return this;
    }

    /** Go's {@code context.WithTimeout}: the query stops {@code d} from now. */
    public Builder timeout(Duration d) {
      return deadline(Clock.systemUTC().instant().plus(d));
    }

    public Query build() {
      return new Query(
          prefix, filters, orders, limit, offset, keysOnly, returnExpirations, returnsSizes, deadline);
    }
  }
}
