package org.jds.datastore.conformance;

import org.jds.datastore.Datastore;
import org.jds.datastore.Key;
import org.jds.datastore.testkit.DatastoreConformance;
import org.jds.datastore.wrap.Namespace;

/**
 * The suite on a namespace over a batching store without transactions (like flatfs): the namespace
 * still claims {@code TxnDatastore} (as Go's keytransform does) and must refuse transactions cleanly.
 */
class NamespaceOverNonTxnConformanceTest extends DatastoreConformance {
  @Override
  protected Datastore newStore() {
    return Namespace.wrap(new SuiteSelfTest.Forwarding(), Key.of("/ns"));
  }
}
