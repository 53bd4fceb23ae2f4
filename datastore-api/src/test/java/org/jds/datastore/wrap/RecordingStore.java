package org.jds.datastore.wrap;

import java.util.ArrayList;
import java.util.List;
import org.jds.datastore.Batch;
import org.jds.datastore.Batching;
import org.jds.datastore.DatastoreException;
import org.jds.datastore.ForwardingDatastore;
import org.jds.datastore.Key;
import org.jds.datastore.MapDatastore;
import org.jds.datastore.query.Query;
import org.jds.datastore.query.Results;

/** A map store that records the queries and synced prefixes it receives. */
class RecordingStore extends ForwardingDatastore implements Batching {
  final MapDatastore map = new MapDatastore();
  final List<Query> queries = new ArrayList<>();
  final List<Key> syncs = new ArrayList<>();
  DatastoreException syncError;

  @Override
  protected MapDatastore delegate() {
    return map;
  }

  @Override
  public synchronized Results query(Query q) throws DatastoreException {
    queries.add(q);
    return map.query(q);
  }

  Query lastQuery() {
    return queries.get(queries.size() - 1);
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
