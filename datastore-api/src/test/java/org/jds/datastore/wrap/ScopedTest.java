package org.jds.datastore.wrap;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.jds.datastore.Batching;
import org.jds.datastore.CheckedDatastore;
import org.jds.datastore.Datastore;
import org.jds.datastore.DatastoreException;
import org.jds.datastore.Feature;
import org.jds.datastore.Features;
import org.jds.datastore.GCDatastore;
import org.jds.datastore.Key;
import org.jds.datastore.MapDatastore;
import org.jds.datastore.NotFoundException;
import org.jds.datastore.NullDatastore;
import org.jds.datastore.PersistentDatastore;
import org.jds.datastore.ScrubbedDatastore;
import org.jds.datastore.Shim;
import org.jds.datastore.TTLDatastore;
import org.jds.datastore.TxnDatastore;
import org.junit.jupiter.api.Test;

class ScopedTest {
  /** Go's TestWithFeatures, over all 128 subsets: the view has exactly the subset, and it works. */
  @Test
  void everySubsetOfFeaturesIsExactlyWhatTheViewImplements() throws Exception {
    List<Feature> all = Features.all();
    for (int mask = 0; mask < 1 << all.size(); mask++) {
      List<Feature> want = new ArrayList<>();
      for (int i = 0; i < all.size(); i++) {
        if ((mask & (1 << i)) != 0) {
          want.add(all.get(i));
        }
      }
      AllFeaturesStore src = new AllFeaturesStore();
      Datastore view = Scoped.withFeatures(src, want);
      assertEquals(want, Features.forDatastore(view), "mask " + mask);
      assertEquals(List.of(src), ((Shim) view).children());
      exercise(view, src);
    }
  }

  /** Calls every feature the view has and checks it reached the store. */
  private static void exercise(Datastore view, AllFeaturesStore src) throws Exception {
    Key k = Key.of("/k");
    view.put(k, new byte[] {1});
    assertArrayEquals(new byte[] {1}, src.map.get(k));
    if (view instanceof Batching b) {
      var batch = b.batch();
      batch.put(k, new byte[] {2});
      batch.commit();
      assertArrayEquals(new byte[] {2}, src.map.get(k));
    }
    if (view instanceof CheckedDatastore c) {
      c.check();
      assertTrue(src.calls.contains("check"));
    }
    if (view instanceof GCDatastore g) {
      g.collectGarbage();
      assertTrue(src.calls.contains("gc"));
    }
    if (view instanceof ScrubbedDatastore s) {
      s.scrub();
      assertTrue(src.calls.contains("scrub"));
    }
    if (view instanceof PersistentDatastore p) {
      assertEquals(42, p.diskUsage());
    }
    if (view instanceof TTLDatastore t) {
      t.setTTL(k, java.time.Duration.ofHours(1));
      assertEquals(src.map.getExpiration(k), t.getExpiration(k));
    }
    if (view instanceof TxnDatastore t) {
      var txn = t.newTransaction(false);
      txn.delete(k);
      txn.commit();
      assertThrows(NotFoundException.class, () -> src.map.get(k));
    }
  }

  @Test
  void wrapIsTheIntersectionOfSourceAndTarget() {
    Datastore view = Scoped.wrap(new MapDatastore(), new NullDatastore());
    assertEquals(
        List.of(Features.NAME_BATCHING, Features.NAME_TRANSACTION),
        Features.forDatastore(view).stream().map(Feature::name).toList());
    assertNull(Scoped.wrap(null, new MapDatastore()));
    assertNull(Scoped.wrap(new MapDatastore(), null));
  }

  @Test
  void exceptionsPassUnchanged() throws DatastoreException {
    Datastore view = Scoped.wrap(new MapDatastore(), new MapDatastore());
    assertSame(NotFoundException.INSTANCE, assertThrows(DatastoreException.class, () -> view.get(Key.of("/none"))));
    view.close();
    assertThrows(org.jds.datastore.ClosedException.class, () -> view.has(Key.of("/x")));
    assertInstanceOf(Shim.class, view);
    assertTrue(view.toString().startsWith("scoped("));
    assertTrue(view.equals(view));
  }
}
