package org.jds.datastore.testkit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.jds.datastore.Bytewise;
import org.jds.datastore.Datastore;
import org.jds.datastore.DatastoreException;
import org.jds.datastore.Key;
import org.jds.datastore.NotFoundException;
import org.jds.datastore.query.Filter;
import org.jds.datastore.query.FilterKeyCompare;
import org.jds.datastore.query.FilterKeyPrefix;
import org.jds.datastore.query.FilterValueCompare;
import org.jds.datastore.query.Op;
import org.jds.datastore.query.Order;
import org.jds.datastore.query.Query;

/** Go's basic subtests (spec §9.1), as static methods and as named cases. */
public final class BasicTests {
  private BasicTests() {}

  /** A named case run against a store. */
  public record Case(String name, StoreTest test) {}

  /** A test body that receives the store under test. */
  @FunctionalInterface
  public interface StoreTest {
    void run(Datastore ds) throws Exception;
  }

  /** Go's custom {@code testFilter}: keeps keys of even length (an unknown filter for wrappers). */
  public static final Filter EVEN_KEY_LENGTH =
      new Filter() {
        @Override
        public boolean filter(org.jds.datastore.query.Entry e) {
          return e.key().length() % 2 == 0;
        }

        @Override
        public String toString() {
          return "{}";
        }
      };

  /** {@code OrderByFunction(bytes.Compare on values)}. */
  public static final Order BY_VALUE_FN = Order.byFunction((a, b) -> Bytewise.compare(a.value(), b.value()));

  public static void subtestBasicPutGet(Datastore ds) throws DatastoreException {
    Key k = Key.of("foo");
    byte[] val = "Hello Datastore!".getBytes(StandardCharsets.UTF_8);
    ds.put(k, val);
    assertTrue(ds.has(k), "should have key foo, has returned false");
    assertEquals(val.length, ds.getSize(k), "size after put");
    assertArrayEquals(val, ds.get(k), "value received on get");
    assertTrue(ds.has(k), "has after get");
    assertEquals(val.length, ds.getSize(k), "size after get");
    ds.delete(k);
    assertFalse(ds.has(k), "should not have key foo after delete");
    DatastoreException e = assertThrows(DatastoreException.class, () -> ds.getSize(k));
    assertTrue(e.isNotFound(), "getSize after delete must be not-found, was " + e);
  }

  public static void subtestNotFounds(Datastore ds) throws DatastoreException {
    Key bad = Key.of("notreal");
    DatastoreException e = assertThrows(DatastoreException.class, () -> ds.get(bad));
    assertSame(NotFoundException.INSTANCE, e, "get of a missing key must throw exactly NotFoundException.INSTANCE");
    assertFalse(ds.has(bad), "has returned true for a key we don't have");
    DatastoreException e2 = assertThrows(DatastoreException.class, () -> ds.getSize(bad));
    assertTrue(e2.isNotFound(), "getSize of a missing key must be not-found, was " + e2);
    ds.delete(bad);
  }

  public static void subtestBasicSync(Datastore ds) throws DatastoreException {
    ds.sync(Key.of("prefix"));
    ds.put(Key.of("/prefix"), "foo".getBytes(StandardCharsets.UTF_8));
    ds.sync(Key.of("/prefix"));
    ds.put(Key.of("/prefix/sub"), "bar".getBytes(StandardCharsets.UTF_8));
    ds.sync(Key.of("/prefix"));
    ds.sync(Key.of("/prefix/sub"));
    ds.sync(Key.of(""));
  }

  /** The nine basic subtests, expanded into Go's named cases (40 with the default element count). */
  public static List<Case> cases(int elemCount) {
    int e = elemCount;
    List<Case> out = new ArrayList<>();
    out.add(new Case("BasicPutGet", BasicTests::subtestBasicPutGet));
    out.add(new Case("NotFounds", BasicTests::subtestNotFounds));
    for (String p : new String[] {"", "/", "/./", "/.././/", "/prefix/../", "/prefix", "/prefix/", "/prefix/sub/", "/0/", "/bad/"}) {
      out.add(query("Prefix/" + p, Query.builder().prefix(p).build(), e));
    }
    // Go runs value and pointer variants of the same order; Java has one constant for both.
    out.add(query("Order/query.OrderByKey", Query.builder().orders(Order.BY_KEY).build(), e));
    out.add(query("Order/*query.OrderByKey", Query.builder().orders(Order.BY_KEY).build(), e));
    out.add(query("Order/query.OrderByKeyDescending", Query.builder().orders(Order.BY_KEY_DESCENDING).build(), e));
    out.add(query("Order/*query.OrderByKeyDescending", Query.builder().orders(Order.BY_KEY_DESCENDING).build(), e));
    out.add(query("Order/query.OrderByValue", Query.builder().orders(Order.BY_VALUE).build(), e));
    out.add(query("Order/query.OrderByValue>query.OrderByKey", Query.builder().orders(Order.BY_VALUE, Order.BY_KEY).build(), e));
    out.add(query("Order/query.OrderByFunction", Query.builder().orders(BY_VALUE_FN).build(), e));
    int[][] slices = {
      {0, e / 10}, {0, 0}, {e / 10, 0}, {e / 10, e / 10}, {e / 10, e / 5}, {e / 2, e / 5},
      {e - 1, e / 5}, {e * 2, e / 5}, {e * 2, 0}, {e - 1, 0}, {e - 5, 0}
    };
    for (int[] s : slices) {
      Query q = Query.builder().orders(Order.BY_KEY).offset(s[0]).limit(s[1]).keysOnly(true).build();
      out.add(query("Limit/Slice/" + s[0] + "/" + s[1], q, e));
    }
    out.add(query("Filter/query.FilterKeyCompare", filter(new FilterKeyCompare(Op.EQUAL, "/0key0")), 100));
    out.add(query("Filter/query.FilterKeyCompare(<)", filter(new FilterKeyCompare(Op.LESS_THAN, "/2")), 100));
    out.add(query("Filter/*query.FilterKeyCompare", filter(new FilterKeyCompare(Op.EQUAL, "/0key0")), 100));
    out.add(query("Filter/query.FilterKeyPrefix", filter(new FilterKeyPrefix("/0key0")), 100));
    out.add(query("Filter/*query.FilterKeyPrefix", filter(new FilterKeyPrefix("/0key0")), 100));
    out.add(query("Filter/query.FilterValueCompare", filter(new FilterValueCompare(Op.LESS_THAN, QueryTests.randValue())), 100));
    out.add(query("Filter/*dstest.testFilter", filter(EVEN_KEY_LENGTH), 100));
    out.add(query("ManyKeysAndQuery", Query.builder().keysOnly(true).build(), e));
    out.add(query("ReturnSizes", Query.builder().returnsSizes(true).build(), 100));
    out.add(new Case("BasicSync", BasicTests::subtestBasicSync));
    return out;
  }

  static Case query(String name, Query q, int count) {
    return new Case(name, ds -> QueryTests.subtestQuery(ds, q, count));
  }

  private static Query filter(Filter f) {
    return Query.builder().filters(f).build();
  }
}
