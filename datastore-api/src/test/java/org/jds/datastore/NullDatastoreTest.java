package org.jds.datastore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.jds.datastore.query.Query;
import org.junit.jupiter.api.Test;

class NullDatastoreTest {
  @Test
  void storesNothing() throws DatastoreException {
    NullDatastore ds = new NullDatastore();
    Key k = Key.of("/k");
    ds.put(k, new byte[] {1});
    assertSame(NotFoundException.INSTANCE, assertThrows(DatastoreException.class, () -> ds.get(k)));
    assertThrows(NotFoundException.class, () -> ds.getSize(k));
    assertFalse(ds.has(k));
    assertEquals(List.of(), ds.query(Query.all()).rest());
    assertEquals(0, ds.diskUsage());
    assertEquals(0, PersistentDatastore.diskUsage(ds));
    Batch b = ds.batch();
    b.put(k, new byte[] {1});
    b.commit();
    assertFalse(ds.has(k));
    Txn t = ds.newTransaction(false);
    t.put(k, new byte[] {1});
    t.commit();
    assertFalse(t.has(k));
    ds.check();
    ds.scrub();
    ds.collectGarbage();
    ds.sync(Key.ROOT);
    ds.delete(k);
    ds.close();
    assertThrows(ClosedException.class, () -> ds.put(k, new byte[] {1}));
  }

  @Test
  void nonPersistentDiskUsageIsZero() throws DatastoreException {
    assertEquals(0, PersistentDatastore.diskUsage(new MapDatastore()));
  }
}
