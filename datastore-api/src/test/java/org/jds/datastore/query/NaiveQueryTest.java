package org.jds.datastore.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.jds.datastore.DatastoreException;
import org.jds.datastore.DatastoreIOException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NaiveQueryTest {
  private static final DatastoreException ERR = new DatastoreIOException("boom");

  private static List<Entry> entries(String... keys) {
    List<Entry> out = new ArrayList<>();
    for (String k : keys) {
      out.add(new Entry(k, k.getBytes()));
    }
    return out;
  }

  private static List<String> run(Query q, List<Result> in) {
    List<String> out = new ArrayList<>();
    try (Results r = NaiveQuery.apply(q, Results.fromResults(q, in))) {
      for (Result x : r) {
        out.add(x.isError() ? "ERR" : x.entry().key());
      }
    }
    return out;
  }

  private static List<String> keys(Query q, String... keys) {
    List<Result> in = new ArrayList<>();
    for (Entry e : entries(keys)) {
      in.add(Result.of(e));
    }
    return run(q, in);
  }

  private static final String[] TREE = {"/foo", "/foo/bar", "/foobar", "/foo/bar/baz", "/a"};

  @ParameterizedTest
  @ValueSource(strings = {"/foo", "foo", "/foo/", "//foo", "/foo/bar/..", "/x/../foo"})
  void prefixSelectsStrictDescendantsOnly(String prefix) {
    Query q = Query.builder().prefix(prefix).orders(Order.BY_KEY).build();
    assertEquals(List.of("/foo/bar", "/foo/bar/baz"), keys(q, TREE));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "/", "/./", "/.././/", "/prefix/../"})
  void rootPrefixesSelectEverything(String prefix) {
    Query q = Query.builder().prefix(prefix).orders(Order.BY_KEY).build();
    assertEquals(List.of("/a", "/foo", "/foo/bar", "/foo/bar/baz", "/foobar"), keys(q, TREE));
    assertNull(NaiveQuery.effectivePrefix(prefix));
  }

  @Test
  void effectivePrefix() {
    assertEquals("/foo/", NaiveQuery.effectivePrefix("foo/"));
    assertEquals("/0/", NaiveQuery.effectivePrefix("/0"));
  }

  @Test
  void offsetAndLimit() {
    String[] k = {"/a", "/b", "/c", "/d", "/e"};
    Query.Builder b = Query.builder().orders(Order.BY_KEY);
    assertEquals(List.of("/c", "/d", "/e"), keys(b.offset(2).limit(0).build(), k));
    assertEquals(List.of("/a", "/b"), keys(b.offset(0).limit(2).build(), k));
    assertEquals(List.of("/b", "/c"), keys(b.offset(1).limit(2).build(), k));
    assertEquals(List.of(), keys(b.offset(5).limit(0).build(), k));
    assertEquals(List.of(), keys(b.offset(50).limit(3).build(), k));
    assertEquals(List.of("/e"), keys(b.offset(4).limit(50).build(), k));
    assertEquals(List.of("/a", "/b", "/c", "/d", "/e"), keys(b.offset(-3).limit(0).build(), k), "negative offset skips nothing");
    assertEquals(List.of("/a", "/b", "/c", "/d", "/e"), keys(b.offset(0).limit(-1).build(), k), "negative limit is unlimited");
  }

  @Test
  void offsetReturnsErrorsWithoutCountingThem() {
    List<Result> in = List.of(Result.error(ERR), Result.of(new Entry("/a", null)), Result.of(new Entry("/b", null)));
    assertEquals(List.of("ERR", "/b"), run(Query.builder().offset(1).build(), in));
  }

  @Test
  void errorsComeFirstUnderOrdering() {
    List<Result> in =
        List.of(Result.of(new Entry("/b", null)), Result.error(ERR), Result.of(new Entry("/a", null)), Result.error(ERR));
    assertEquals(List.of("ERR", "ERR", "/a", "/b"), run(Query.builder().orders(Order.BY_KEY).build(), in));
    assertEquals(List.of("ERR", "ERR", "/b", "/a"), run(Query.builder().orders(Order.BY_KEY_DESCENDING).build(), in));
  }

  @Test
  void filtersPassErrorsThrough() {
    List<Result> in = List.of(Result.of(new Entry("/a", null)), Result.error(ERR), Result.of(new Entry("/b", null)));
    Query q = Query.builder().filters(new FilterKeyCompare(Op.EQUAL, "/zzz")).build();
    assertEquals(List.of("ERR"), run(q, in));
  }

  @Test
  void restThrowsTheFirstError() {
    List<Result> in = List.of(Result.of(new Entry("/a", null)), Result.error(ERR), Result.of(new Entry("/b", null)));
    Results r = Results.fromResults(Query.all(), in);
    assertSame(ERR, assertThrows(DatastoreException.class, r::rest));
    assertNull(r.next(), "rest closes the results");
  }

  @Test
  void limitClosesUpstreamOnce() {
    AtomicInteger closes = new AtomicInteger();
    AtomicInteger pulled = new AtomicInteger();
    ResultIterator src =
        new ResultIterator() {
          @Override
          public Result next() {
            int i = pulled.incrementAndGet();
            return Result.of(new Entry("/" + i, null));
          }

          @Override
          public void close() {
            closes.incrementAndGet();
          }
        };
    Query q = Query.builder().limit(3).build();
    List<Entry> got;
    try {
      got = NaiveQuery.apply(q, Results.fromIterator(q, src)).rest();
    } catch (DatastoreException e) {
      throw new AssertionError(e);
    }
    assertEquals(3, got.size());
    assertEquals(3, pulled.get(), "no result pulled beyond the limit");
    assertTrue(closes.get() >= 1, "upstream closed");
  }

  @Test
  void applyKeepsUpstreamQuery() {
    Query outer = Query.builder().prefix("/x").build();
    Query naive = Query.builder().limit(1).build();
    assertSame(outer, NaiveQuery.apply(naive, Results.fromEntries(outer, List.of())).query());
    assertSame(naive, NaiveQuery.apply(naive, Results.fromResults(null, List.of())).query());
  }

  @Test
  void orderingIsLazy() {
    AtomicInteger pulled = new AtomicInteger();
    ResultIterator src =
        new ResultIterator() {
          @Override
          public Result next() {
            return pulled.incrementAndGet() <= 2 ? Result.of(new Entry("/" + pulled.get(), null)) : null;
          }

          @Override
          public void close() {}
        };
    Results r = NaiveQuery.apply(Query.builder().orders(Order.BY_KEY).build(), Results.fromIterator(Query.all(), src));
    assertEquals(0, pulled.get(), "nothing read before the first pull");
    assertEquals("/1", r.next().entry().key());
    r.close();
  }
}
