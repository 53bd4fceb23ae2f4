package org.jds.datastore.conformance;

import org.jds.datastore.Batching;
import org.jds.datastore.Batch;
import org.jds.datastore.Datastore;
import org.jds.datastore.DatastoreException;
import org.jds.datastore.ForwardingDatastore;
import org.jds.datastore.Key;
import org.jds.datastore.MapDatastore;
import org.jds.datastore.testkit.DatastoreConformance;
import org.jds.datastore.wrap.Namespace;

/**
 * The suite on a namespace over a batching store without transactions: the namespace still claims
 * {@code TxnDatastore} (as Go's keytransform does) and must refuse transactions cleanly.
 */
class NamespaceOverNonTxnConformanceTest extends DatastoreConformance {
  /** A map store that batches but has no transactions (like flatfs). */
  static final class BatchingOnly extends ForwardingDatastore implements Batching {
    private final MapDatastore map = new MapDatastore();

    @Override
    protected Datastore delegate() {
      return map;
    }

    @Override
    public Batch batch() throws DatastoreException {
      return map.batch();
    }
  }

  @Override
  protected Datastore newStore() {
    return Namespace.wrap(new BatchingOnly(), Key.of("/ns"));
  }
}
