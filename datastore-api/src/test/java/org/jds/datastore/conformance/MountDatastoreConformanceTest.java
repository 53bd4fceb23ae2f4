package org.jds.datastore.conformance;

import java.util.List;
import org.jds.datastore.Datastore;
import org.jds.datastore.Key;
import org.jds.datastore.MapDatastore;
import org.jds.datastore.testkit.DatastoreConformance;
import org.jds.datastore.wrap.Mount;
import org.jds.datastore.wrap.MountDatastore;

/** The suite on a mount like flatfs's TestSuite, with extra submounts so queries fan out and merge. */
class MountDatastoreConformanceTest extends DatastoreConformance {
  @Override
  protected Datastore newStore() {
    return new MountDatastore(
        List.of(
            new Mount(Key.of("/"), new MapDatastore()),
            new Mount(Key.of("/capital"), new MapDatastore()),
            new Mount(Key.of("/prefix"), new MapDatastore()),
            new Mount(Key.of("/prefix/sub"), new MapDatastore())));
  }
}
