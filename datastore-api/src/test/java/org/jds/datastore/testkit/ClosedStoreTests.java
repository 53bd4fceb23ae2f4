package org.jds.datastore.testkit;

import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.jds.datastore.Batch;
import org.jds.datastore.Batching;
import org.jds.datastore.CheckedDatastore;
import org.jds.datastore.ClosedException;
import org.jds.datastore.Datastore;
import org.jds.datastore.GCDatastore;
import org.jds.datastore.Key;
import org.jds.datastore.PersistentDatastore;
import org.jds.datastore.ScrubbedDatastore;
import org.jds.datastore.TTLDatastore;
import org.jds.datastore.TxnDatastore;
import org.jds.datastore.query.Query;

/** Not in Go's suite: after close, every operation throws {@link ClosedException}. */
public final class ClosedStoreTests {
  private ClosedStoreTests() {}

  /**
   * Closes {@code ds} (twice: the second close must be harmless) and checks every operation of every
   * feature it implements. A batch opened before the close must not commit afterwards.
   */
  public static void run(Datastore ds) throws Exception {
    Key k = Key.of("/CLOSED");
    Batch pending = ds instanceof Batching b ? b.batch() : null;
    ds.close();
    ds.close();
    assertThrows(ClosedException.class, () -> ds.get(k), "get");
    assertThrows(ClosedException.class, () -> ds.has(k), "has");
    assertThrows(ClosedException.class, () -> ds.getSize(k), "getSize");
    assertThrows(ClosedException.class, () -> ds.put(k, new byte[] {1}), "put");
    assertThrows(ClosedException.class, () -> ds.delete(k), "delete");
    assertThrows(ClosedException.class, () -> ds.query(Query.all()), "query");
    assertThrows(ClosedException.class, () -> ds.sync(Key.ROOT), "sync");
    if (ds instanceof Batching b) {
      assertThrows(ClosedException.class, b::batch, "batch");
      assertThrows(ClosedException.class, () -> {
        pending.put(k, new byte[] {1});
        pending.commit();
      }, "put and commit of a batch opened before close");
    }
    if (ds instanceof PersistentDatastore p) {
      assertThrows(ClosedException.class, p::diskUsage, "diskUsage");
    }
    if (ds instanceof CheckedDatastore c) {
      assertThrows(ClosedException.class, c::check, "check");
    }
    if (ds instanceof ScrubbedDatastore s) {
      assertThrows(ClosedException.class, s::scrub, "scrub");
    }
    if (ds instanceof GCDatastore g) {
      assertThrows(ClosedException.class, g::collectGarbage, "collectGarbage");
    }
    if (ds instanceof TTLDatastore t) {
      assertThrows(ClosedException.class, () -> t.putWithTTL(k, new byte[] {1}, Duration.ofMinutes(1)), "putWithTTL");
      assertThrows(ClosedException.class, () -> t.setTTL(k, Duration.ofMinutes(1)), "setTTL");
      assertThrows(ClosedException.class, () -> t.getExpiration(k), "getExpiration");
    }
    if (ds instanceof TxnDatastore t) {
      assertThrows(ClosedException.class, () -> t.newTransaction(false), "newTransaction");
    }
  }
}
