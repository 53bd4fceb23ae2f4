package org.jds.datastore.query;

import java.util.Comparator;
import java.util.List;
import org.jds.datastore.Bytewise;

/** A query order. {@link #compare} returns negative, zero or positive. */
@FunctionalInterface
public interface Order {
  int compare(Entry a, Entry b);

  /** Ascending by the whole key string (not {@code Key.compareTo}). */
  Order BY_KEY = new Named("KEY", (a, b) -> Bytewise.compare(a.key(), b.key()));

  Order BY_KEY_DESCENDING = new Named("desc(KEY)", (a, b) -> -Bytewise.compare(a.key(), b.key()));

  Order BY_VALUE = new Named("VALUE", (a, b) -> Bytewise.compare(a.value(), b.value()));

  Order BY_VALUE_DESCENDING =
      new Named("desc(VALUE)", (a, b) -> -Bytewise.compare(a.value(), b.value()));

  /** An order by a caller's function; prints as {@code FN}. */
  static Order byFunction(Comparator<Entry> fn) {
    return new Named("FN", fn::compare);
  }

  /**
   * Go's {@code query.Compare}: the first order whose result is non-zero decides, whatever its
   * magnitude (a custom order may return {@code String.compareTo} or {@code a - b}); the key string
   * (bytewise) breaks ties. Returns that order's own value, as Go does, or -1/0/1 from the key.
   */
  static int compare(List<Order> orders, Entry a, Entry b) {
    for (Order o : orders) {
      int c = o.compare(a, b);
      if (c != 0) {
        return c;
      }
    }
    return Bytewise.compare(a.key(), b.key());
  }

  /**
   * Go's {@code query.Less}, kept for parity: unlike {@link #compare} it honours only -1 and 1 and
   * treats every other value as a tie (Go's switch statement). Nothing in this project sorts with it.
   */
  static boolean less(List<Order> orders, Entry a, Entry b) {
    for (Order o : orders) {
      int c = o.compare(a, b);
      if (c == -1) {
        return true;
      }
      if (c == 1) {
        return false;
      }
    }
    return Bytewise.compare(a.key(), b.key()) < 0;
  }

  /**
   * Go's {@code query.Sort}: sorts {@code entries} in place by {@link #compare}. A custom order that
   * breaks the comparator contract may make {@link List#sort} throw {@link IllegalArgumentException}
   * ("Comparison method violates its general contract"); {@link NaiveQuery} turns that into an error
   * result.
   */
  static void sort(List<Order> orders, List<Entry> entries) {
    entries.sort((x, y) -> compare(orders, x, y));
  }

  /** An order with Go's {@code String()} form. */
  final class Named implements Order {
    private final String name;
    private final Order fn;

    Named(String name, Order fn) {
      this.name = name;
      this.fn = fn;
    }

    @Override
    public int compare(Entry a, Entry b) {
      return fn.compare(a, b);
    }

    @Override
    public String toString() {
      return name;
    }
  }
}
