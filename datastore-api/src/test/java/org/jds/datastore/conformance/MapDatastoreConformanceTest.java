package org.jds.datastore.conformance;

import org.jds.datastore.Datastore;
import org.jds.datastore.MapDatastore;
import org.jds.datastore.testkit.DatastoreConformance;

class MapDatastoreConformanceTest extends DatastoreConformance {
  @Override
  protected Datastore newStore() {
    return new MapDatastore();
  }
}
