package org.jds.datastore.testkit;

import java.util.ArrayList;
import java.util.List;
import org.jds.datastore.query.Filter;
import org.jds.datastore.query.FilterKeyCompare;
import org.jds.datastore.query.Op;
import org.jds.datastore.query.Order;
import org.jds.datastore.query.Query;

/** Go's {@code SubtestCombinations} (spec §9.3): the full 4×4×2×4×3×3 = 1152 cross product. */
public final class CombinationTests {
  private CombinationTests() {}

  /** One combination: the query and the element count. */
  public record Combination(Query query, int count) {
    /** Go's test name: {@code count/{query}} with spaces replaced by {@code ·}. */
    public String name() {
      return (count + "/{" + query + "}").replace(' ', '·');
    }
  }

  /**
   * Every combination, including the all-first tuple that Go's odometer skips (so 1152, not 1151),
   * in Go's odometer order (first dimension fastest).
   */
  public static List<Combination> all(int elemCount) {
    int e = elemCount;
    int[] offsets = {0, e / 10, e - 5, e};
    int[] limits = {0, 1, e / 10, e};
    List<List<Filter>> filters =
        List.of(List.of(new FilterKeyCompare(Op.EQUAL, "/0key0")), List.of(new FilterKeyCompare(Op.LESS_THAN, "/2")));
    List<List<Order>> orders =
        List.of(
            List.of(Order.BY_KEY),
            List.of(Order.BY_KEY_DESCENDING),
            List.of(Order.BY_VALUE, Order.BY_KEY),
            List.of(BasicTests.BY_VALUE_FN));
    String[] prefixes = {"", "/prefix", "/0"}; // "/0" has look-alike keys but no descendants
    int[] lengths = {0, 1, e};
    List<Combination> out = new ArrayList<>(1152);
    for (int len : lengths) {
      for (String p : prefixes) {
        for (List<Order> o : orders) {
          for (List<Filter> f : filters) {
            for (int l : limits) {
              for (int off : offsets) {
                Query q = Query.builder().offset(off).limit(l).filters(f).orders(o).prefix(p).build();
                out.add(new Combination(q, len));
              }
            }
          }
        }
      }
    }
    return out;
  }
}
