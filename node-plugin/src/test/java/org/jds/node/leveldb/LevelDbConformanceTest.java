package org.jds.node.leveldb;

import java.nio.file.Files;
import org.iq80.leveldb.CompressionType;
import org.jds.datastore.Datastore;
import org.jds.datastore.testkit.DatastoreConformance;

/** The datastore-api conformance suite on the LevelDB datastore. */
class LevelDbConformanceTest extends DatastoreConformance {
  @Override
  protected Datastore newStore() throws Exception {
    return LevelDbDatastore.open(Files.createTempDirectory("jds-leveldb"), CompressionType.SNAPPY);
  }
}
