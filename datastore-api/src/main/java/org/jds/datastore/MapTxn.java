package org.jds.datastore;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jds.datastore.query.Entry;
import org.jds.datastore.query.NaiveQuery;
import org.jds.datastore.query.Query;
import org.jds.datastore.query.Results;

/**
 * A {@link MapDatastore} transaction: writes are buffered and applied atomically on commit; reads see
 * the transaction's own writes over the store's latest committed data (read-committed, no conflict
 * detection: the last commit wins). Thread-safe (methods are synchronized). Unusable after commit
 * or discard.
 */
final class MapTxn implements Txn {
  private static final byte[] DELETE = new byte[0];

  private final MapDatastore store;
  private final boolean readOnly;
  private final Map<Key, byte[]> writes = new LinkedHashMap<>();
  private boolean done;

  MapTxn(MapDatastore store, boolean readOnly) {
    this.store = store;
    this.readOnly = readOnly;
  }

  private void checkOpen() throws DatastoreException {
    if (done) {
      throw new DatastoreException("transaction already committed or discarded");
    }
  }

  private void checkWritable() throws DatastoreException {
    checkOpen();
    if (readOnly) {
      throw new UnsupportedFeatureException("cannot write in a read-only transaction");
    }
  }

  @Override
  public synchronized byte[] get(Key key) throws DatastoreException {
    checkOpen();
    byte[] v = writes.get(key);
    if (v == DELETE) {
      throw NotFoundException.INSTANCE;
    }
    return v != null ? v.clone() : store.get(key);
  }

  @Override
  public synchronized boolean has(Key key) throws DatastoreException {
    checkOpen();
    byte[] v = writes.get(key);
    return v != null ? v != DELETE : store.has(key);
  }

  @Override
  public synchronized int getSize(Key key) throws DatastoreException {
    checkOpen();
    byte[] v = writes.get(key);
    if (v == DELETE) {
      throw NotFoundException.INSTANCE;
    }
    return v != null ? v.length : store.getSize(key);
  }

  @Override
  public synchronized Results query(Query q) throws DatastoreException {
    checkOpen();
    Map<String, Entry> merged = new LinkedHashMap<>();
    Query all =
        Query.builder().keysOnly(q.keysOnly()).returnExpirations(q.returnExpirations()).deadline(q.deadline()).build();
    for (Entry e : store.query(all).rest()) {
      merged.put(e.key(), e);
    }
    for (Map.Entry<Key, byte[]> w : writes.entrySet()) {
      String k = w.getKey().toString();
      if (w.getValue() == DELETE) {
        merged.remove(k);
      } else {
        byte[] v = w.getValue();
        merged.put(k, new Entry(k, q.keysOnly() ? null : v.clone(), v.length, null));
      }
    }
    List<Entry> entries = new ArrayList<>(merged.values());
    return NaiveQuery.apply(q, Results.fromEntries(q, entries));
  }

  @Override
  public synchronized void put(Key key, byte[] value) throws DatastoreException {
    checkWritable();
    writes.put(key, value == null ? new byte[0] : value.clone()); // Go: nil == empty
  }

  @Override
  public synchronized void delete(Key key) throws DatastoreException {
    checkWritable();
    writes.put(key, DELETE);
  }

  @Override
  public synchronized void commit() throws DatastoreException {
    checkOpen();
    done = true;
    store.commitTxn(writes, DELETE);
  }

  @Override
  public synchronized void discard() {
    done = true;
    writes.clear();
  }
}
