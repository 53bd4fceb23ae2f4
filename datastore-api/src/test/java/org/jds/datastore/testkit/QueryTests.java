package org.jds.datastore.testkit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.jds.datastore.Datastore;
import org.jds.datastore.DatastoreException;
import org.jds.datastore.Key;
import org.jds.datastore.query.Entry;
import org.jds.datastore.query.NaiveQuery;
import org.jds.datastore.query.Order;
import org.jds.datastore.query.Query;
import org.jds.datastore.query.Result;
import org.jds.datastore.query.Results;

/** Go's {@code subtestQuery} (spec §9.2) and the helpers the suite shares. */
public final class QueryTests {
  private QueryTests() {}

  /** 64 random bytes (Go's {@code randValue}). */
  public static byte[] randValue() {
    byte[] v = new byte[64];
    ThreadLocalRandom.current().nextBytes(v);
    return v;
  }

  /** The §9.2 input: {@code /<i>key<i>}, {@code /prefix/..}, {@code /prefix/sub/..}, {@code /capital/<i>KEY<i>}. */
  public static List<Entry> input(int count) {
    List<Entry> in = new ArrayList<>(4 * count);
    for (String fmt : new String[] {"/%dkey%d", "/prefix/%dkey%d", "/prefix/sub/%dkey%d", "/capital/%dKEY%d"}) {
      for (int i = 0; i < count; i++) {
        byte[] v = randValue();
        in.add(new Entry(Key.of(String.format(fmt, i, i)).toString(), v, v.length, null));
      }
    }
    return in;
  }

  /** Go's {@code clearDs}: deletes every key a keys-only query returns. */
  public static void clear(Datastore ds) throws DatastoreException {
    List<Entry> all;
    try (Results r = ds.query(Query.builder().keysOnly(true).build())) {
      all = r.rest();
    }
    for (Entry e : all) {
      ds.delete(Key.raw(e.key()));
    }
  }

  /** Go's {@code subtestQuery(ds, q, count)}: puts the input, queries, compares with NaiveQuery. */
  public static void subtestQuery(Datastore ds, Query q, int count) throws DatastoreException {
    List<Entry> input = input(count);
    for (Entry e : input) {
      ds.put(Key.raw(e.key()), e.value());
    }
    for (Entry e : input) {
      assertArrayEquals(e.value(), ds.get(Key.raw(e.key())), "input value didn't match Get of " + e.key());
    }

    List<Entry> expected = NaiveQuery.apply(q, Results.fromEntries(q, input)).rest();

    List<Entry> actual;
    try (Results resp = ds.query(q)) {
      assertEquals(q, resp.query(), "returned query");
      actual = resp.rest();
    }
    compare(q, expected, actual);

    // Go step 7 (QueryIter): the same query consumed through the iterator view.
    List<Entry> iterated = new ArrayList<>();
    try (Results resp = ds.query(q)) {
      for (Result r : resp) {
        if (r.isError()) {
          fail("query result error: " + r.error().getMessage(), r.error());
        }
        iterated.add(r.entry());
      }
    }
    compare(q, expected, iterated);

    // Go step 8: cancelling after the first entry yields nothing more.
    if (expected.size() > 1) {
      try (Results resp = ds.query(q)) {
        Result first = resp.next();
        assertNotNull(first, "first result");
        assertFalse(first.isError(), () -> "first result is an error: " + first.error().getMessage());
        resp.close();
        assertNull(resp.next(), "a result after cancellation");
        assertFalse(resp.iterator().hasNext(), "iterator continues after cancellation");
      }
    }

    for (Entry e : input) {
      ds.delete(Key.raw(e.key()));
    }
  }

  /** Go's result comparison: same length; key order (sorted first when q has no orders); values. */
  static void compare(Query q, List<Entry> expected, List<Entry> actual) {
    assertEquals(expected.size(), actual.size(), "number of results for " + q);
    List<Entry> exp = new ArrayList<>(expected);
    List<Entry> act = new ArrayList<>(actual);
    if (q.orders().isEmpty()) {
      exp.sort((a, b) -> Order.compare(List.of(Order.BY_KEY), a, b));
      act.sort((a, b) -> Order.compare(List.of(Order.BY_KEY), a, b));
    }
    for (int i = 0; i < act.size(); i++) {
      Entry a = act.get(i);
      Entry e = exp.get(i);
      assertEquals(e.key(), a.key(), "key of result " + i);
      if (!q.keysOnly()) {
        assertArrayEquals(e.value(), a.value(), "value of result " + i + " (" + e.key() + ")");
      }
      if (q.returnsSizes()) {
        assertTrue(a.size() > 0, "size of result " + i + " must be > 0 with returnsSizes");
      }
    }
  }
}
