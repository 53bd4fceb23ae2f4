package org.jds.datastore.wrap;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jds.datastore.Batch;
import org.jds.datastore.Batching;
import org.jds.datastore.CheckedDatastore;
import org.jds.datastore.DatastoreException;
import org.jds.datastore.ForwardingDatastore;
import org.jds.datastore.GCDatastore;
import org.jds.datastore.Key;
import org.jds.datastore.MapDatastore;
import org.jds.datastore.PersistentDatastore;
import org.jds.datastore.ScrubbedDatastore;
import org.jds.datastore.TTLDatastore;
import org.jds.datastore.Txn;
import org.jds.datastore.TxnDatastore;

/** A map store with every feature; check, scrub and GC are recorded, disk usage is 42. */
class AllFeaturesStore extends ForwardingDatastore
    implements Batching, CheckedDatastore, GCDatastore, PersistentDatastore, ScrubbedDatastore, TTLDatastore, TxnDatastore {
  final MapDatastore map = new MapDatastore();
  final List<String> calls = new ArrayList<>();

  @Override
  protected MapDatastore delegate() {
    return map;
  }

  @Override
  public Batch batch() throws DatastoreException {
    return map.batch();
  }

  @Override
  public void check() {
    calls.add("check");
  }

  @Override
  public void collectGarbage() {
    calls.add("gc");
  }

  @Override
  public long diskUsage() {
    return 42;
  }

  @Override
  public void scrub() {
    calls.add("scrub");
  }

  @Override
  public void putWithTTL(Key key, byte[] value, Duration ttl) throws DatastoreException {
    map.putWithTTL(key, value, ttl);
  }

  @Override
  public void setTTL(Key key, Duration ttl) throws DatastoreException {
    map.setTTL(key, ttl);
  }

  @Override
  public Instant getExpiration(Key key) throws DatastoreException {
    return map.getExpiration(key);
  }

  @Override
  public Txn newTransaction(boolean readOnly) throws DatastoreException {
    return map.newTransaction(readOnly);
  }
}
