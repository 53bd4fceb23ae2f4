package org.jds.datastore.conformance;

import org.jds.datastore.Datastore;
import org.jds.datastore.MapDatastore;
import org.jds.datastore.testkit.DatastoreConformance;
import org.jds.datastore.wrap.SyncDatastore;

class SyncDatastoreConformanceTest extends DatastoreConformance {
  @Override
  protected Datastore newStore() {
    return new SyncDatastore(new MapDatastore());
  }
}
