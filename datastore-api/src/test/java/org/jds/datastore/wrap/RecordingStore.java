package org.jds.datastore.wrap;

import java.util.ArrayList;
import java.util.List;
import org.jds.datastore.Batch;
import org.jds.datastore.Batching;
import org.jds.datastore.DatastoreException;
import org.jds.datastore.Key;
import org.jds.datastore.MapDatastore;
import org.jds.datastore.query.Query;
import org.jds.datastore.query.Results;

/** A map store that records the queries and synced prefixes it receives. */
class RecordingStore implements Batching {
  final MapDatastore map = new MapDatastore();
  final List<Query> queries = new ArrayList<>();
  final List<Key> syncs = new ArrayList<>();
  DatastoreException syncError;

  @Override
  public synchronized Results query(Query q) throws DatastoreException {
    queries.add(q);
    return map.query(q);
  }

  Query lastQuery() {
    return queries.get(queries.size() - 1);
  }

  @Override
  public byte[] get(Key key) throws DatastoreException {
    return map.get(key);
  }

  @Override
  public boolean has(Key key) throws DatastoreException {
    return map.has(key);
  }

  @Override
  public int getSize(Key key) throws DatastoreException {
    return map.getSize(key);
  }

  @Override
  public void put(Key key, byte[] value) throws DatastoreException {
    map.put(key, value);
  }

  @Override
  public void delete(Key key) throws DatastoreException {
    map.delete(key);
  }

  @Override
  public synchronized void sync(Key prefix) throws DatastoreException {
    syncs.add(prefix);
    if (syncError != null) {
      throw syncError;
    }
  }

  @Override
  public void close() {
    map.close();
  }

  @Override
  public Batch batch() throws DatastoreException {
    return map.batch();
  }
}
