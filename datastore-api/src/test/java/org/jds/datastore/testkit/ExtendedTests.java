package org.jds.datastore.testkit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.jds.datastore.Bytewise;
import org.jds.datastore.Datastore;
import org.jds.datastore.DatastoreException;
import org.jds.datastore.Key;
import org.jds.datastore.NotFoundException;
import org.jds.datastore.query.Entry;
import org.jds.datastore.query.FilterKeyCompare;
import org.jds.datastore.query.FilterKeyPrefix;
import org.jds.datastore.query.FilterValueCompare;
import org.jds.datastore.query.Op;
import org.jds.datastore.query.Order;
import org.jds.datastore.query.Query;
import org.jds.datastore.query.Results;
import org.jds.datastore.testkit.BasicTests.Case;

/**
 * Cases beyond Go's suite: key shapes, every filter operator, more prefixes, orders, offset/limit
 * edges and query flags. Query cases use {@code elemCount / 10} elements per key family.
 */
public final class ExtendedTests {
  private ExtendedTests() {}

  /** Key shapes every general-purpose store must round-trip (not flatfs directly: lower case). */
  public static final List<String> KEY_SHAPES =
      List.of(
          "/a", "/a/b", "/a/b/c/d/e/f/g/h", "/a:b", "/Music:Song:X", "/UPPER", "/MiXeD/CaSe",
          "/with space", "/unicode/\u00fcn\u00efc\u00f6d\u00e9", "/emoji/\uD83D\uDE00", "/a-b", "/a_b",
          "/a.b", "/...", "/0", "/capital", "/prefix", "/=PAD==", "/" + "x".repeat(200),
          "/d0/d1/d2/d3/d4/d5/d6/d7/d8/d9/d10/d11/d12/d13/d14/d15");

  public static List<Case> cases(int elemCount) {
    int n = Math.max(2, elemCount / 10);
    List<Case> out = new ArrayList<>();
    for (String k : KEY_SHAPES) {
      out.add(new Case("KeyShape/" + k, ds -> roundTrip(ds, Key.of(k))));
    }
    out.add(new Case("EmptyValue", ExtendedTests::emptyValue));
    out.add(new Case("LargeValue", ds -> {
      byte[] v = new byte[1 << 20];
      Arrays.fill(v, (byte) 0x5a);
      Key k = Key.of("/LARGE");
      ds.put(k, v);
      assertEquals(v.length, ds.getSize(k));
      assertArrayEquals(v, ds.get(k));
      ds.delete(k);
    }));
    out.add(new Case("ParentChildIndependent", ExtendedTests::parentChild));
    out.add(new Case("KeyAtPrefixExcluded", ExtendedTests::keyAtPrefixExcluded));
    out.add(new Case("DeleteAbsentTwice", ds -> {
      Key k = Key.of("/never/there");
      ds.delete(k);
      ds.delete(k);
      assertFalse(ds.has(k));
    }));
    out.add(new Case("QueryEmptyStore", ds -> {
      for (Query q : List.of(Query.all(), Query.builder().keysOnly(true).build(),
          Query.builder().prefix("/prefix").orders(Order.BY_KEY).build(),
          Query.builder().offset(5).limit(5).orders(Order.BY_VALUE).build())) {
        try (Results r = ds.query(q)) {
          assertEquals(q, r.query());
          assertEquals(List.of(), r.rest(), "results of " + q + " on an empty store");
        }
      }
    }));

    String[] keys = {"/0key0", "/2", "/prefix/sub", "/capital/5KEY5"};
    for (Op op : Op.values()) {
      for (String k : keys) {
        Query q = Query.builder().filters(new FilterKeyCompare(op, k)).build();
        out.add(BasicTests.query("FilterOps/KEY " + op + " " + k, q, n));
      }
    }
    byte[] zeros = new byte[64];
    byte[] ones = new byte[64];
    Arrays.fill(ones, (byte) 0xff);
    byte[] rnd = QueryTests.randValue();
    for (Op op : Op.values()) {
      for (byte[] v : List.of(zeros, ones, rnd)) {
        String vn = v == zeros ? "zeros" : v == ones ? "ff" : "random";
        out.add(BasicTests.query("FilterOps/VALUE " + op + " " + vn, Query.builder().filters(new FilterValueCompare(op, v)).build(), n));
      }
    }
    for (String p : new String[] {"/", "/0", "/prefix/", "/prefix/sub", "/capital/1", "/nothing"}) {
      out.add(BasicTests.query("FilterOps/PREFIX " + p, Query.builder().filters(new FilterKeyPrefix(p)).build(), n));
    }

    for (String p : new String[] {"/capital", "capital", "prefix/sub", "/prefix/sub/../sub", "//prefix//",
        "/prefix/0key0", "/capital/", "/0key0", "/prefix/sub/0key0/", "/p"}) {
      for (boolean keysOnly : new boolean[] {false, true}) {
        Query q = Query.builder().prefix(p).keysOnly(keysOnly).build();
        out.add(BasicTests.query("MorePrefixes/" + p + (keysOnly ? "/keysOnly" : ""), q, n));
      }
    }

    Order byValueFnDesc = Order.byFunction((a, b) -> -Bytewise.compare(a.value(), b.value()));
    List<List<Order>> orders =
        List.of(
            List.of(Order.BY_VALUE_DESCENDING),
            List.of(Order.BY_VALUE_DESCENDING, Order.BY_KEY),
            List.of(byValueFnDesc),
            List.of(Order.BY_KEY_DESCENDING, Order.BY_VALUE),
            List.of(Order.byFunction((a, b) -> Integer.signum(a.key().length() - b.key().length())), Order.BY_KEY_DESCENDING));
    for (List<Order> o : orders) {
      for (String p : new String[] {"", "/prefix", "/capital"}) {
        out.add(BasicTests.query("MoreOrders/" + o + "/" + p, Query.builder().orders(o).prefix(p).build(), n));
      }
    }

    out.addAll(magnitudeOrders(n));

    int t = 4 * n; // total entries
    int[][] slices = {{-1, 0}, {0, -1}, {-3, -3}, {1, 1}, {t - 1, 1}, {t, 0}, {t - 2, 5}, {0, t}, {0, t + 1}, {1, t - 1}};
    for (int[] s : slices) {
      for (Order o : List.of(Order.BY_KEY, Order.BY_VALUE)) {
        Query q = Query.builder().orders(o).offset(s[0]).limit(s[1]).build();
        out.add(BasicTests.query("OffsetLimit/" + o + "/" + s[0] + "/" + s[1], q, n));
      }
    }

    out.add(new Case("Flags/keysOnly", ds -> flags(ds, Query.builder().keysOnly(true).build(), n)));
    out.add(new Case("Flags/keysOnly,returnsSizes", ds -> flags(ds, Query.builder().keysOnly(true).returnsSizes(true).build(), n)));
    out.add(new Case("Flags/returnExpirations", ds -> flags(ds, Query.builder().returnExpirations(true).build(), n)));
    out.add(new Case("Flags/keysOnly,returnExpirations", ds -> flags(ds, Query.builder().keysOnly(true).returnExpirations(true).build(), n)));
    return out;
  }

  /**
   * Custom orders whose comparators return values other than -1/0/1 ({@code String.compareTo},
   * {@code a - b}): Go's {@code query.Compare} honours any non-zero value. The expected order comes
   * from {@link List#sort} with the same comparator, not from {@link Order#compare}, so a store (or
   * {@code NaiveQuery}) that treats such values as ties fails.
   */
  static List<Case> magnitudeOrders(int n) {
    List<Case> out = new ArrayList<>();
    out.add(new Case("MagnitudeOrders/GoExample", ExtendedTests::goMagnitudeExample));
    Comparator<Entry> keyDesc = (a, b) -> b.key().compareTo(a.key());
    Comparator<Entry> firstByteDiff = (a, b) -> (a.value()[0] & 0xff) - (b.value()[0] & 0xff);
    Comparator<Entry> lengthDiff = (a, b) -> b.key().length() - a.key().length();
    record Named(String name, Comparator<Entry> fn) {}
    for (Named c : List.of(
        new Named("String.compareTo desc", keyDesc),
        new Named("first byte a - b", firstByteDiff),
        new Named("key length b - a", lengthDiff))) {
      // under /capital every key has the same length, so that order needs /prefix to tell
      for (String p : new String[] {"", c.fn() == lengthDiff ? "/prefix" : "/capital"}) {
        for (int[] ol : new int[][] {{0, 0}, {3, 5}}) {
          Query q = Query.builder().prefix(p).orders(Order.byFunction(c.fn())).offset(ol[0]).limit(ol[1]).build();
          out.add(new Case("MagnitudeOrders/" + c.name() + "/" + p + "/" + ol[0] + "/" + ol[1],
              ds -> magnitudeOrder(ds, q, c.fn(), n)));
        }
      }
    }
    return out;
  }

  /** The example: values 30, 10, 20, 15 ordered by {@code a - b}; Go gives B D C A. */
  static void goMagnitudeExample(Datastore ds) throws DatastoreException {
    String[] keys = {"/capital/A", "/capital/B", "/capital/C", "/capital/D"};
    int[] values = {30, 10, 20, 15};
    for (int i = 0; i < keys.length; i++) {
      ds.put(Key.of(keys[i]), new byte[] {(byte) values[i]});
    }
    Order byDiff = Order.byFunction((a, b) -> a.value()[0] - b.value()[0]);
    try (Results r = ds.query(Query.builder().prefix("/capital").orders(byDiff).build())) {
      List<String> got = r.rest().stream().map(Entry::key).toList();
      assertEquals(List.of("/capital/B", "/capital/D", "/capital/C", "/capital/A"), got, "order by a - b");
    }
    for (String k : keys) {
      ds.delete(Key.of(k));
    }
  }

  static void magnitudeOrder(Datastore ds, Query q, Comparator<Entry> fn, int n) throws DatastoreException {
    List<Entry> input = QueryTests.input(n);
    for (Entry e : input) {
      ds.put(Key.raw(e.key()), e.value());
    }
    String under = q.prefix().isEmpty() ? "/" : q.prefix() + "/";
    List<String> expected = input.stream()
        .filter(e -> e.key().startsWith(under))
        .sorted(fn.thenComparing((a, b) -> Bytewise.compare(a.key(), b.key())))
        .skip(q.offset())
        .limit(q.limit() > 0 ? q.limit() : Long.MAX_VALUE)
        .map(Entry::key)
        .toList();
    try (Results r = ds.query(q)) {
      assertEquals(expected, r.rest().stream().map(Entry::key).toList(), "keys in the order of " + q);
    }
    for (Entry e : input) {
      ds.delete(Key.raw(e.key()));
    }
  }

  static void roundTrip(Datastore ds, Key k) throws DatastoreException {
    byte[] v1 = QueryTests.randValue();
    byte[] v2 = "second, shorter".getBytes(StandardCharsets.UTF_8);
    ds.put(k, v1);
    assertTrue(ds.has(k), "has " + k);
    assertEquals(64, ds.getSize(k), "size of " + k);
    assertArrayEquals(v1, ds.get(k), "get " + k);
    ds.put(k, v2);
    assertArrayEquals(v2, ds.get(k), "get " + k + " after overwrite");
    assertEquals(v2.length, ds.getSize(k), "size after overwrite");
    try (Results r = ds.query(Query.all())) {
      List<Entry> all = r.rest();
      assertEquals(1, all.size(), "one entry in the store");
      assertEquals(k.toString(), all.get(0).key());
      assertArrayEquals(v2, all.get(0).value());
    }
    ds.delete(k);
    assertFalse(ds.has(k), "has after delete");
    assertSame(NotFoundException.INSTANCE, assertThrows(DatastoreException.class, () -> ds.get(k)));
  }

  static void emptyValue(Datastore ds) throws DatastoreException {
    Key k = Key.of("/EMPTY");
    ds.put(k, new byte[0]);
    assertTrue(ds.has(k));
    assertEquals(0, ds.getSize(k));
    assertEquals(0, ds.get(k).length);
    try (Results r = ds.query(Query.all())) {
      List<Entry> all = r.rest();
      assertEquals(1, all.size());
      assertEquals(0, all.get(0).value() == null ? 0 : all.get(0).value().length, "empty value in query");
    }
    ds.delete(k);
  }

  static void parentChild(Datastore ds) throws DatastoreException {
    Key parent = Key.of("/a");
    Key child = Key.of("/a/b");
    ds.put(parent, new byte[] {1});
    ds.put(child, new byte[] {2});
    ds.delete(parent);
    assertFalse(ds.has(parent));
    assertArrayEquals(new byte[] {2}, ds.get(child), "child survives deleting its parent");
    ds.put(parent, new byte[] {3});
    ds.delete(child);
    assertArrayEquals(new byte[] {3}, ds.get(parent), "parent survives deleting its child");
    ds.delete(parent);
  }

  static void keyAtPrefixExcluded(Datastore ds) throws DatastoreException {
    for (String k : List.of("/prefix", "/prefix/x", "/prefixed", "/prefix/y/z")) {
      ds.put(Key.of(k), k.getBytes(StandardCharsets.UTF_8));
    }
    try (Results r = ds.query(Query.builder().prefix("/prefix").orders(Order.BY_KEY).build())) {
      List<String> keys = r.rest().stream().map(Entry::key).toList();
      assertEquals(List.of("/prefix/x", "/prefix/y/z"), keys, "only strict descendants match");
    }
    for (String k : List.of("/prefix", "/prefix/x", "/prefixed", "/prefix/y/z")) {
      ds.delete(Key.of(k));
    }
  }

  static void flags(Datastore ds, Query q, int n) throws DatastoreException {
    List<Entry> input = QueryTests.input(n);
    for (Entry e : input) {
      ds.put(Key.raw(e.key()), e.value());
    }
    List<Entry> actual;
    try (Results r = ds.query(q)) {
      assertEquals(q, r.query());
      actual = r.rest();
    }
    assertEquals(input.size(), actual.size());
    for (Entry e : actual) {
      if (q.keysOnly()) {
        assertNull(e.value(), "keys-only entry " + e.key() + " carries a value");
      } else {
        assertEquals(64, e.value().length);
      }
      if (q.returnsSizes() || !q.keysOnly()) {
        assertEquals(64, e.size(), "size of " + e.key());
      }
    }
    for (Entry e : input) {
      ds.delete(Key.raw(e.key()));
    }
  }
}
