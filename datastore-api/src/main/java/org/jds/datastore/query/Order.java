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
   * Go's {@code query.Compare}: the first order that says -1 or 1 decides (other non-zero values of
   * a custom function count as 0, as in Go's {@code Less}), and the key string breaks ties.
   */
  static int compare(List<Order> orders, Entry a, Entry b) {
    for (Order o : orders) {
      int c = o.compare(a, b);
      // Go's Less only honours -1 and 1; built-in orders are normalised to that range.
      if (o instanceof Named n && n.builtIn()) {
        c = Integer.signum(c);
      }
      if (c == -1 || c == 1) {
        return c;
      }
    }
    return Integer.signum(Bytewise.compare(a.key(), b.key()));
  }

  /** An order with Go's {@code String()} form. */
  final class Named implements Order {
    private final String name;
    private final Order fn;

    Named(String name, Order fn) {
      this.name = name;
      this.fn = fn;
    }

    boolean builtIn() {
      return !name.equals("FN");
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
