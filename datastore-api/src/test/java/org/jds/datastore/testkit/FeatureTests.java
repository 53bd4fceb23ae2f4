package org.jds.datastore.testkit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jds.datastore.CheckedDatastore;
import org.jds.datastore.Datastore;
import org.jds.datastore.DatastoreException;
import org.jds.datastore.GCDatastore;
import org.jds.datastore.Key;
import org.jds.datastore.PersistentDatastore;
import org.jds.datastore.ScrubbedDatastore;
import org.jds.datastore.TTLDatastore;
import org.jds.datastore.Txn;
import org.jds.datastore.TxnDatastore;
import org.jds.datastore.UnsupportedFeatureException;
import org.jds.datastore.query.Entry;
import org.jds.datastore.query.Query;
import org.jds.datastore.testkit.BasicTests.Case;

/** Cases for the optional features; only those the store implements are generated. */
public final class FeatureTests {
  private FeatureTests() {}

  public static List<Case> cases(Datastore ds) {
    List<Case> out = new ArrayList<>();
    if (ds instanceof TTLDatastore) {
      out.add(new Case("TTL/putWithTTL", d -> ttlBasics((TTLDatastore) d)));
      out.add(new Case("TTL/expiry", d -> ttlExpiry((TTLDatastore) d)));
    }
    if (ds instanceof TxnDatastore t) {
      if (refusesTransactions(t)) {
        // a wrapper over a store without transactions (Go's keytransform): it must say so cleanly
        out.add(new Case("Txn/unsupported", d -> {
          assertThrows(UnsupportedFeatureException.class, () -> ((TxnDatastore) d).newTransaction(false));
          assertThrows(UnsupportedFeatureException.class, () -> ((TxnDatastore) d).newTransaction(true));
        }));
      } else {
        out.add(new Case("Txn/commit", d -> txnCommit((TxnDatastore) d)));
        out.add(new Case("Txn/discard", d -> txnDiscard((TxnDatastore) d)));
      }
    }
    if (ds instanceof PersistentDatastore) {
      out.add(new Case("Persistent/diskUsage", d -> assertTrue(((PersistentDatastore) d).diskUsage() >= 0)));
    }
    if (ds instanceof CheckedDatastore) {
      out.add(new Case("Checked/check", d -> ((CheckedDatastore) d).check()));
    }
    if (ds instanceof ScrubbedDatastore) {
      out.add(new Case("Scrubbed/scrub", d -> ((ScrubbedDatastore) d).scrub()));
    }
    if (ds instanceof GCDatastore) {
      out.add(new Case("GC/collectGarbage", d -> ((GCDatastore) d).collectGarbage()));
    }
    return out;
  }

  /** Whether {@code ds} refuses transactions with UnsupportedFeatureException (a probe, discarded). */
  private static boolean refusesTransactions(TxnDatastore ds) {
    try {
      ds.newTransaction(true).discard();
      return false;
    } catch (UnsupportedFeatureException e) {
      return true;
    } catch (DatastoreException e) {
      return false; // let the cases report it
    }
  }

  static void ttlBasics(TTLDatastore ds) throws DatastoreException {
    Key k = Key.of("/TTL");
    Instant before = Instant.now();
    ds.putWithTTL(k, new byte[] {1}, Duration.ofHours(1));
    assertArrayEquals(new byte[] {1}, ds.get(k));
    Instant exp = ds.getExpiration(k);
    assertNotNull(exp);
    assertFalse(exp.isBefore(before.plus(Duration.ofMinutes(59))), "expiration about an hour away: " + exp);
    ds.setTTL(k, Duration.ofHours(2));
    assertTrue(ds.getExpiration(k).isAfter(exp), "setTTL moves the expiration");
    List<Entry> e = ds.query(Query.builder().returnExpirations(true).build()).rest();
    assertEquals(1, e.size());
    assertNotNull(e.get(0).expiration(), "returnExpirations fills the expiration");
    Key missing = Key.of("/TTL/missing");
    assertTrue(assertThrows(DatastoreException.class, () -> ds.setTTL(missing, Duration.ofHours(1))).isNotFound());
    assertTrue(assertThrows(DatastoreException.class, () -> ds.getExpiration(missing)).isNotFound());
    ds.delete(k);
  }

  static void ttlExpiry(TTLDatastore ds) throws Exception {
    Key k = Key.of("/TTL/short");
    ds.putWithTTL(k, new byte[] {1}, Duration.ofMillis(50));
    Thread.sleep(120);
    assertFalse(ds.has(k), "expired entry still present");
    assertTrue(assertThrows(DatastoreException.class, () -> ds.get(k)).isNotFound());
    assertEquals(0, ds.query(Query.all()).rest().size(), "expired entry still queried");
  }

  static void txnCommit(TxnDatastore ds) throws DatastoreException {
    Key a = Key.of("/TXN/a");
    Key b = Key.of("/TXN/b");
    ds.put(a, new byte[] {1});
    Txn t = ds.newTransaction(false);
    t.put(b, new byte[] {2});
    t.delete(a);
    assertTrue(t.has(b), "a transaction reads its own writes");
    assertFalse(t.has(a));
    assertFalse(ds.has(b), "invisible before commit");
    assertTrue(ds.has(a));
    t.commit();
    assertFalse(ds.has(a));
    assertArrayEquals(new byte[] {2}, ds.get(b));
    Txn ro = ds.newTransaction(true);
    assertArrayEquals(new byte[] {2}, ro.get(b));
    assertThrows(DatastoreException.class, () -> ro.put(a, new byte[] {1}), "read-only transaction accepted a write");
    ro.discard();
    ds.delete(b);
  }

  static void txnDiscard(TxnDatastore ds) throws DatastoreException {
    Key a = Key.of("/TXN/discarded");
    Txn t = ds.newTransaction(false);
    t.put(a, new byte[] {1});
    t.discard();
    assertFalse(ds.has(a), "discarded write became visible");
  }
}
