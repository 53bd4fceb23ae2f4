package org.jds.datastore;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.jds.datastore.query.Entry;
import org.jds.datastore.query.Order;
import org.jds.datastore.query.Query;
import org.junit.jupiter.api.Test;

class MapDatastoreTest {
  private final MutableClock clock = new MutableClock();
  private final MapDatastore ds = new MapDatastore(clock);
  private final Key a = Key.of("/a");
  private final Key b = Key.of("/b");

  @Test
  void valuesAreCopiedInAndOut() throws DatastoreException {
    byte[] v = {1, 2, 3};
    ds.put(a, v);
    v[0] = 9;
    byte[] got = ds.get(a);
    assertArrayEquals(new byte[] {1, 2, 3}, got);
    got[1] = 9;
    assertArrayEquals(new byte[] {1, 2, 3}, ds.get(a));
  }

  @Test
  void keysOnlyQueryStillReportsSizes() throws DatastoreException {
    ds.put(a, new byte[] {1, 2, 3});
    List<Entry> got = ds.query(Query.builder().keysOnly(true).build()).rest();
    assertEquals(1, got.size());
    assertNull(got.get(0).value());
    assertEquals(3, got.get(0).size());
  }

  @Test
  void ttlExpiresEntries() throws DatastoreException {
    ds.putWithTTL(a, new byte[] {1}, Duration.ofSeconds(10));
    ds.put(b, new byte[] {2});
    assertEquals(clock.instant().plusSeconds(10), ds.getExpiration(a));
    assertNull(ds.getExpiration(b), "no TTL");
    List<Entry> withExp = ds.query(Query.builder().returnExpirations(true).orders(Order.BY_KEY).build()).rest();
    assertEquals(clock.instant().plusSeconds(10), withExp.get(0).expiration());
    assertNull(ds.query(Query.builder().orders(Order.BY_KEY).build()).rest().get(0).expiration(), "not requested");
    clock.advance(Duration.ofSeconds(9));
    assertTrue(ds.has(a));
    ds.setTTL(a, Duration.ofSeconds(5));
    clock.advance(Duration.ofSeconds(4));
    assertTrue(ds.has(a), "setTTL extended the life");
    clock.advance(Duration.ofSeconds(1));
    assertFalse(ds.has(a));
    assertSame(NotFoundException.INSTANCE, assertThrows(DatastoreException.class, () -> ds.get(a)));
    assertThrows(NotFoundException.class, () -> ds.getSize(a));
    assertThrows(NotFoundException.class, () -> ds.getExpiration(a));
    assertThrows(NotFoundException.class, () -> ds.setTTL(a, Duration.ofSeconds(1)));
    assertEquals(List.of("/b"), ds.query(Query.all()).rest().stream().map(Entry::key).toList());
    ds.putWithTTL(b, new byte[] {3}, Duration.ofSeconds(1));
    ds.put(b, new byte[] {4});
    clock.advance(Duration.ofSeconds(2));
    assertArrayEquals(new byte[] {4}, ds.get(b), "a plain put clears the TTL");
  }

  @Test
  void transactionsBufferUntilCommit() throws DatastoreException {
    ds.put(a, new byte[] {1});
    Txn t = ds.newTransaction(false);
    t.put(b, new byte[] {2});
    t.delete(a);
    assertFalse(ds.has(b), "not visible before commit");
    assertTrue(ds.has(a));
    assertTrue(t.has(b), "reads see own writes");
    assertFalse(t.has(a));
    assertThrows(NotFoundException.class, () -> t.get(a));
    assertEquals(1, t.getSize(b));
    assertEquals(List.of("/b"), t.query(Query.all()).rest().stream().map(Entry::key).toList());
    t.commit();
    assertFalse(ds.has(a));
    assertArrayEquals(new byte[] {2}, ds.get(b));
    assertThrows(DatastoreException.class, () -> t.put(a, new byte[] {1}), "unusable after commit");
    assertThrows(DatastoreException.class, t::commit);
  }

  @Test
  void discardAndReadOnly() throws DatastoreException {
    Txn t = ds.newTransaction(false);
    t.put(a, new byte[] {1});
    t.discard();
    assertFalse(ds.has(a));
    assertThrows(DatastoreException.class, () -> t.get(a));
    ds.put(a, new byte[] {7});
    Txn ro = ds.newTransaction(true);
    assertArrayEquals(new byte[] {7}, ro.get(a));
    assertThrows(UnsupportedFeatureException.class, () -> ro.put(b, new byte[] {1}));
    assertThrows(UnsupportedFeatureException.class, () -> ro.delete(a));
    ro.commit();
    assertArrayEquals(new byte[] {7}, ds.get(a));
  }

  @Test
  void batchLastOpPerKeyWins() throws DatastoreException {
    Batch bt = ds.batch();
    bt.put(a, new byte[] {1});
    bt.delete(a);
    bt.put(b, new byte[] {1});
    bt.put(b, new byte[] {2});
    assertFalse(ds.has(b));
    bt.commit();
    assertFalse(ds.has(a));
    assertArrayEquals(new byte[] {2}, ds.get(b));
  }

  @Test
  void closedRefusesEverything() throws DatastoreException {
    ds.put(a, new byte[] {1});
    Txn t = ds.newTransaction(false);
    t.put(b, new byte[] {1});
    ds.close();
    ds.close();
    assertThrows(ClosedException.class, () -> ds.get(a));
    assertThrows(ClosedException.class, t::commit, "a transaction cannot commit into a closed store");
    assertThrows(ClosedException.class, () -> ds.newTransaction(true));
    assertEquals(ClosedException.MESSAGE, assertThrows(ClosedException.class, () -> ds.sync(Key.ROOT)).getMessage());
  }
}
