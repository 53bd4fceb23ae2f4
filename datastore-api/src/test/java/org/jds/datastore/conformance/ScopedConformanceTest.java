package org.jds.datastore.conformance;

import org.jds.datastore.Datastore;
import org.jds.datastore.MapDatastore;
import org.jds.datastore.testkit.DatastoreConformance;
import org.jds.datastore.wrap.Scoped;

/** The whole suite on a scoped view of a map store (all of its features kept). */
class ScopedConformanceTest extends DatastoreConformance {
  @Override
  protected Datastore newStore() {
    MapDatastore map = new MapDatastore();
    return Scoped.wrap(map, map);
  }
}
