package org.jds.datastore.conformance;

import org.jds.datastore.Datastore;
import org.jds.datastore.Key;
import org.jds.datastore.MapDatastore;
import org.jds.datastore.testkit.DatastoreConformance;
import org.jds.datastore.wrap.Namespace;

/** The suite through a namespace (keytransform with a PrefixTransform) over a map. */
class NamespaceConformanceTest extends DatastoreConformance {
  @Override
  protected Datastore newStore() {
    return Namespace.wrap(new MapDatastore(), Key.of("/ns"));
  }
}
