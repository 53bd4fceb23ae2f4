package org.jds.datastore.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.jds.datastore.Batch;
import org.jds.datastore.Batching;
import org.jds.datastore.DatastoreException;
import org.jds.datastore.ForwardingDatastore;
import org.jds.datastore.Key;
import org.jds.datastore.MapDatastore;
import org.jds.datastore.query.Entry;
import org.jds.datastore.query.NaiveQuery;
import org.jds.datastore.query.Order;
import org.jds.datastore.query.Query;
import org.jds.datastore.query.Results;
import org.jds.datastore.testkit.BasicTests;
import org.jds.datastore.testkit.BasicTests.Case;
import org.jds.datastore.testkit.BatchTests;
import org.jds.datastore.testkit.ClosedStoreTests;
import org.jds.datastore.testkit.ExtendedTests;
import org.jds.datastore.testkit.QueryTests;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

/** The suite must catch broken stores: each case breaks one behaviour and expects a failure. */
class SuiteSelfTest {
  /** A map store whose methods a test can override to break them. */
  static class Forwarding extends ForwardingDatastore implements Batching {
    final MapDatastore map = new MapDatastore();

    @Override
    protected MapDatastore delegate() {
      return map;
    }

    @Override
    public Batch batch() throws DatastoreException {
      return map.batch();
    }
  }

  @Test
  void queryIgnoringPrefixIsCaught() {
    Forwarding broken =
        new Forwarding() {
          @Override
          public Results query(Query q) throws DatastoreException {
            return Results.replaceQuery(map.query(q.toBuilder().prefix("").build()), q);
          }
        };
    assertThrows(AssertionFailedError.class, () -> QueryTests.subtestQuery(broken, Query.builder().prefix("/prefix").build(), 10));
  }

  @Test
  void wrongOrderIsCaught() {
    Forwarding broken =
        new Forwarding() {
          @Override
          public Results query(Query q) throws DatastoreException {
            return Results.replaceQuery(map.query(q.toBuilder().orders(Order.BY_KEY).build()), q);
          }
        };
    assertThrows(AssertionFailedError.class, () -> QueryTests.subtestQuery(broken, Query.builder().orders(Order.BY_KEY_DESCENDING).build(), 10));
  }

  @Test
  void orderHonouringOnlyMinusOneAndOneIsCaught() throws Exception {
    // The old bug: a custom order's other non-zero values counted as ties (Go's Less, not Compare).
    Forwarding broken =
        new Forwarding() {
          @Override
          public Results query(Query q) throws DatastoreException {
            List<Entry> all = map.query(q.toBuilder().orders(List.of()).offset(0).limit(0).build()).rest();
            List<Entry> sorted = new ArrayList<>(all);
            sorted.sort((a, b) -> Order.less(q.orders(), a, b) ? -1 : Order.less(q.orders(), b, a) ? 1 : 0);
            return NaiveQuery.apply(q.toBuilder().orders(List.of()).build(), Results.fromEntries(q, sorted));
          }
        };
    List<Case> cases =
        ExtendedTests.cases(100).stream().filter(c -> c.name().startsWith("MagnitudeOrders/")).toList();
    assertEquals(13, cases.size());
    for (Case c : cases) {
      assertThrows(AssertionFailedError.class, () -> c.test().run(broken), c.name());
      QueryTests.clear(broken);
    }
    for (Case c : cases) {
      c.test().run(new MapDatastore());
    }
  }

  @Test
  void replacedQueryIsCaught() {
    Forwarding broken =
        new Forwarding() {
          @Override
          public Results query(Query q) throws DatastoreException {
            return map.query(q.toBuilder().limit(0).build());
          }
        };
    assertThrows(AssertionFailedError.class, () -> QueryTests.subtestQuery(broken, Query.builder().limit(3).orders(Order.BY_KEY).build(), 10));
  }

  @Test
  void missingKeyReturningEmptyIsCaught() {
    Forwarding broken =
        new Forwarding() {
          @Override
          public byte[] get(Key key) throws DatastoreException {
            return map.has(key) ? map.get(key) : new byte[0];
          }
        };
    assertThrows(AssertionFailedError.class, () -> BasicTests.subtestNotFounds(broken));
  }

  @Test
  void batchVisibleBeforeCommitIsCaught() {
    Forwarding broken =
        new Forwarding() {
          @Override
          public Batch batch() {
            Forwarding self = this;
            return new Batch() {
              @Override
              public void put(Key key, byte[] value) throws DatastoreException {
                self.put(key, value);
              }

              @Override
              public void delete(Key key) throws DatastoreException {
                self.delete(key);
              }

              @Override
              public void commit() {}
            };
          }
        };
    assertThrows(AssertionFailedError.class, () -> BatchTests.runBatchTest(broken));
  }

  @Test
  void firstWriterWinsBatchIsCaughtByPutAndDelete() {
    Forwarding broken =
        new Forwarding() {
          @Override
          public Batch batch() {
            Forwarding self = this;
            java.util.Map<Key, byte[]> ops = new java.util.LinkedHashMap<>();
            return new Batch() {
              @Override
              public void put(Key key, byte[] value) {
                ops.putIfAbsent(key, value);
              }

              @Override
              public void delete(Key key) {
                ops.putIfAbsent(key, null);
              }

              @Override
              public void commit() throws DatastoreException {
                for (var e : ops.entrySet()) {
                  if (e.getValue() == null) {
                    self.delete(e.getKey());
                  } else {
                    self.put(e.getKey(), e.getValue());
                  }
                }
              }
            };
          }
        };
    assertThrows(AssertionFailedError.class, () -> BatchTests.runBatchPutAndDeleteTest(broken));
  }

  @Test
  void storeIgnoringCloseIsCaught() {
    Forwarding broken =
        new Forwarding() {
          @Override
          public void close() {}
        };
    assertThrows(AssertionFailedError.class, () -> ClosedStoreTests.run(broken));
  }

  @Test
  void combinationsCoverTheFullProduct() {
    var all = org.jds.datastore.testkit.CombinationTests.all(100);
    org.junit.jupiter.api.Assertions.assertEquals(1152, all.size());
    org.junit.jupiter.api.Assertions.assertEquals(1152, all.stream().map(c -> c.name()).distinct().count());
    org.junit.jupiter.api.Assertions.assertEquals(
        "0/{SELECT·keys,vals·FILTER·[KEY·==·\"/0key0\"]·ORDER·[KEY]}", all.get(0).name());
    org.junit.jupiter.api.Assertions.assertEquals(
        "100/{SELECT·keys,vals·FROM·\"/0\"·FILTER·[KEY·<·\"/2\"]·ORDER·[FN]·OFFSET·100·LIMIT·100}", all.get(1151).name());
    org.junit.jupiter.api.Assertions.assertEquals(40, BasicTests.cases(100).size());
  }
}
