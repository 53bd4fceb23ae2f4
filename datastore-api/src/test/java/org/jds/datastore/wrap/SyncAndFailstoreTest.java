package org.jds.datastore.wrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.jds.datastore.Batch;
import org.jds.datastore.DatastoreException;
import org.jds.datastore.Key;
import org.jds.datastore.MapDatastore;
import org.jds.datastore.UnsupportedFeatureException;
import org.jds.datastore.query.Query;
import org.jds.datastore.query.Results;
import org.junit.jupiter.api.Test;

class SyncAndFailstoreTest {
  @Test
  void failstoreReportsEveryOpName() throws DatastoreException {
    List<String> ops = new ArrayList<>();
    Failstore f = new Failstore(new MapDatastore(), ops::add);
    Key k = Key.of("/k");
    f.put(k, new byte[] {1});
    f.get(k);
    f.has(k);
    f.getSize(k);
    f.query(Query.all()).close();
    f.sync(k);
    f.diskUsage();
    Batch b = f.batch();
    b.put(k, new byte[] {2});
    b.delete(k);
    b.commit();
    f.delete(k);
    assertEquals(
        List.of("put", "get", "has", "getsize", "query", "sync", "disk-usage", "batch", "batch-put", "batch-delete", "batch-commit", "delete"),
        ops);
  }

  @Test
  void failstoreFailsBeforeTouchingTheChild() throws DatastoreException {
    MapDatastore child = new MapDatastore();
    DatastoreException injected = new DatastoreException("test error");
    Failstore f =
        new Failstore(child, op -> {
          if (op.equals("put") || op.equals("batch-commit")) {
            throw injected;
          }
        });
    Key k = Key.of("/k");
    assertSame(injected, assertThrows(DatastoreException.class, () -> f.put(k, new byte[] {1})));
    assertFalse(child.has(k));
    Batch b = f.batch();
    b.put(k, new byte[] {1});
    assertSame(injected, assertThrows(DatastoreException.class, b::commit));
    assertFalse(child.has(k));
    f.close();
    assertThrows(org.jds.datastore.ClosedException.class, () -> f.get(k));
  }

  @Test
  void syncDrainsQueriesAndNeedsBatchingChildForBatches() throws DatastoreException {
    MapDatastore child = new MapDatastore();
    SyncDatastore s = new SyncDatastore(child);
    s.put(Key.of("/a"), new byte[] {1});
    Results r = s.query(Query.all());
    child.close(); // the results were drained under the lock: still readable
    assertEquals(1, r.rest().size());
    SyncDatastore plain = new SyncDatastore(new NonBatching(new MapDatastore()));
    assertThrows(UnsupportedFeatureException.class, plain::batch);
    plain.check();
    assertEquals(0, plain.diskUsage());
  }
}
