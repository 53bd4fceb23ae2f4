package org.jds.datastore.wrap;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.jds.datastore.DatastoreException;
import org.jds.datastore.InvalidKeyException;
import org.jds.datastore.Key;
import org.jds.datastore.MapDatastore;
import org.jds.datastore.Shim;
import org.jds.datastore.Txn;
import org.jds.datastore.TxnDatastore;
import org.jds.datastore.UnsupportedFeatureException;
import org.jds.datastore.query.Entry;
import org.jds.datastore.query.Filter;
import org.jds.datastore.query.FilterKeyCompare;
import org.jds.datastore.query.FilterKeyPrefix;
import org.jds.datastore.query.FilterValueCompare;
import org.jds.datastore.query.Op;
import org.jds.datastore.query.Order;
import org.jds.datastore.query.Query;
import org.jds.datastore.query.Result;
import org.jds.datastore.query.Results;
import org.junit.jupiter.api.Test;

class KeyTransformDatastoreTest {
  private final RecordingStore child = new RecordingStore();
  private final KeyTransformDatastore ns = Namespace.wrap(child, Key.of("/ns"));

  @Test
  void keysLiveUnderThePrefix() throws DatastoreException {
    ns.put(Key.of("/a/b"), new byte[] {1});
    assertTrue(child.has(Key.of("/ns/a/b")));
    assertArrayEquals(new byte[] {1}, ns.get(Key.of("/a/b")));
    assertEquals(1, ns.getSize(Key.of("/a/b")));
    assertEquals(List.of("/a/b"), ns.query(Query.all()).rest().stream().map(Entry::key).toList());
    ns.delete(Key.of("/a/b"));
    assertFalse(child.has(Key.of("/ns/a/b")));
    ns.sync(Key.of("/a"));
    assertEquals(List.of(Key.of("/ns/a")), child.syncs);
  }

  @Test
  void prefixTransformQuirks() throws DatastoreException {
    PrefixTransform p = new PrefixTransform(Key.of("/ns"));
    assertEquals(Key.of("/ns/a"), p.convertKey(Key.of("/a")));
    assertEquals(Key.of("/ns/a"), p.convertKey(Key.of("/ns/a")), "Go quirk: prefix already an ancestor");
    assertEquals(Key.of("/ns"), p.convertKey(Key.ROOT));
    assertEquals(Key.of("/a"), p.invertKey(Key.of("/ns/a")));
    InvalidKeyException e = assertThrows(InvalidKeyException.class, () -> p.invertKey(Key.of("/other/a")));
    assertEquals(PrefixTransform.PREFIX_NOT_FOUND, e.getMessage());
    assertThrows(InvalidKeyException.class, () -> p.invertKey(Key.of("/ns")));
    PrefixTransform root = new PrefixTransform(Key.ROOT);
    assertEquals(Key.of("/x"), root.invertKey(Key.of("/x")));
    assertEquals(Key.of("/x"), root.convertKey(Key.of("/x")));
  }

  @Test
  void uninvertibleChildKeyIsAnErrorResult() throws DatastoreException {
    MapDatastore map = new MapDatastore();
    map.put(Key.of("/stray"), new byte[] {1});
    KeyTransformDatastore kt = new KeyTransformDatastore(map, new PrefixTransform(Key.of("/ns")));
    // the child ignores the prefix we push down, so a foreign key comes back
    RecordingStore leaky =
        new RecordingStore() {
          @Override
          public synchronized Results query(Query q) throws DatastoreException {
            return map.query(Query.all());
          }
        };
    leaky.put(Key.of("/stray"), new byte[] {1});
    KeyTransformDatastore kt2 = new KeyTransformDatastore(leaky, new PrefixTransform(Key.of("/ns")));
    try (Results r = kt2.query(Query.all())) {
      Result first = r.next();
      assertTrue(first.isError());
      assertEquals(PrefixTransform.PREFIX_NOT_FOUND, first.error().getMessage());
    }
    assertEquals(List.of(), kt.query(Query.all()).rest());
  }

  @Test
  void prefixAndKeyFiltersArePushedDownConverted() throws DatastoreException {
    byte[] v = {7};
    Query q =
        Query.builder()
            .prefix("/p")
            .filters(new FilterKeyCompare(Op.LESS_THAN, "/p/5"), new FilterKeyPrefix("/p/1"), new FilterValueCompare(Op.EQUAL, v))
            .orders(Order.BY_VALUE, Order.BY_KEY_DESCENDING, Order.BY_VALUE_DESCENDING)
            .offset(1)
            .limit(2)
            .build();
    try (Results r = ns.query(q)) {
      assertEquals(q, r.query(), "the caller's query is reported");
    }
    Query c = child.lastQuery();
    assertEquals("/ns/p", c.prefix());
    assertEquals(
        List.of(new FilterKeyCompare(Op.LESS_THAN, "/ns/p/5"), new FilterKeyPrefix("/ns/p/1"), new FilterValueCompare(Op.EQUAL, v)),
        c.filters());
    assertEquals(List.of(Order.BY_VALUE, Order.BY_KEY_DESCENDING), c.orders(), "orders after a key order are dropped");
    assertEquals(1, c.offset());
    assertEquals(2, c.limit());
  }

  @Test
  void customOrdersAndFiltersAreNaive() throws DatastoreException {
    Order fn = Order.byFunction((a, b) -> 0);
    Filter even = e -> e.key().length() % 2 == 0;
    ns.query(Query.builder().orders(fn).offset(1).limit(2).build()).close();
    Query c = child.lastQuery();
    assertEquals(List.of(), c.orders());
    assertEquals(0, c.offset());
    assertEquals(0, c.limit());
    ns.query(Query.builder().filters(new FilterKeyPrefix("/x"), even).limit(3).build()).close();
    c = child.lastQuery();
    assertEquals(List.of(), c.filters());
    assertEquals(0, c.limit());
  }

  @Test
  void keyOrdersAreNaiveForOtherTransforms() throws DatastoreException {
    // reverses the single component: not order-preserving
    KeyTransform rev =
        KeyTransform.pair(
            k -> Key.of("/" + new StringBuilder(k.toString().substring(1)).reverse()),
            k -> Key.of("/" + new StringBuilder(k.toString().substring(1)).reverse()));
    KeyTransformDatastore kt = new KeyTransformDatastore(child, rev);
    kt.put(Key.of("/ab"), new byte[] {1});
    kt.put(Key.of("/ba"), new byte[] {2});
    kt.put(Key.of("/ca"), new byte[] {3});
    List<String> got = kt.query(Query.builder().orders(Order.BY_KEY).limit(2).build()).rest().stream().map(Entry::key).toList();
    assertEquals(List.of("/ab", "/ba"), got);
    assertEquals(List.of(), child.lastQuery().orders());
    assertEquals(0, child.lastQuery().limit());
  }

  @Test
  void batchConvertsKeysAndNeedsABatchingChild() throws DatastoreException {
    var b = ns.batch();
    b.put(Key.of("/k"), new byte[] {1});
    b.commit();
    assertTrue(child.has(Key.of("/ns/k")));
    KeyTransformDatastore overSync = Namespace.wrap(new SyncDatastore(new MapDatastore()), Key.of("/x"));
    overSync.batch().commit();
    KeyTransformDatastore noBatch =
        Namespace.wrap(new NonBatching(new MapDatastore()), Key.of("/x"));
    UnsupportedFeatureException e = assertThrows(UnsupportedFeatureException.class, noBatch::batch);
    assertEquals(UnsupportedFeatureException.BATCH_UNSUPPORTED, e.getMessage());
  }

  @Test
  void transactionsConvertKeysAndQueryThroughTheTransform() throws DatastoreException {
    MapDatastore map = new MapDatastore();
    KeyTransformDatastore t = Namespace.wrap(map, Key.of("/ns"));
    map.put(Key.of("/ns/old"), new byte[] {1});
    map.put(Key.of("/elsewhere"), new byte[] {9});
    Txn txn = t.newTransaction(false);
    txn.put(Key.of("/new"), new byte[] {2});
    assertArrayEquals(new byte[] {2}, txn.get(Key.of("/new")));
    assertTrue(txn.has(Key.of("/old")));
    assertEquals(1, txn.getSize(Key.of("/old")));
    assertFalse(map.has(Key.of("/ns/new")), "not before commit");
    assertEquals(
        List.of("/new", "/old"),
        txn.query(Query.builder().orders(Order.BY_KEY).build()).rest().stream().map(Entry::key).toList(),
        "the transaction's own writes, keys inverted, nothing outside the namespace");
    txn.delete(Key.of("/old"));
    txn.commit();
    assertArrayEquals(new byte[] {2}, map.get(Key.of("/ns/new")));
    assertFalse(map.has(Key.of("/ns/old")));

    Txn discarded = t.newTransaction(false);
    discarded.put(Key.of("/gone"), new byte[] {3});
    discarded.discard();
    assertFalse(map.has(Key.of("/ns/gone")));
    assertThrows(UnsupportedFeatureException.class, () -> t.newTransaction(true).put(Key.of("/x"), new byte[] {1}));
  }

  @Test
  void transactionsNeedATransactionalChild() {
    KeyTransformDatastore noTxn = Namespace.wrap(new NonBatching(new MapDatastore()), Key.of("/x"));
    UnsupportedFeatureException e = assertThrows(UnsupportedFeatureException.class, () -> noTxn.newTransaction(false));
    assertEquals(KeyTransformDatastore.TXN_UNSUPPORTED, e.getMessage());
  }

  @Test
  void childrenIsTheChild() {
    assertEquals(List.of(child), ns.children());
    assertTrue(ns instanceof Shim);
    assertTrue(ns instanceof TxnDatastore, "Go's keytransform.Datastore is a TxnDatastore");
    SyncDatastore sync = new SyncDatastore(child);
    assertEquals(List.of(child), sync.children());
  }
}
