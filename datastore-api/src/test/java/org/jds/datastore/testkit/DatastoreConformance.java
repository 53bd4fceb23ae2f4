package org.jds.datastore.testkit;

import java.util.stream.Stream;
import org.jds.datastore.Datastore;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

/**
 * Base class for running the whole conformance suite ({@link DatastoreSuite}) on a store: extend it,
 * implement {@link #newStore()}, and override {@link #putAndDeleteBatchTest()} to return false for
 * stores whose batches are not last-writer-wins.
 */
public abstract class DatastoreConformance {
  /** A fresh, empty store; called once per test class instance. */
  protected abstract Datastore newStore() throws Exception;

  /** Whether Go's {@code RunBatchPutAndDeleteTest} applies (last write per key wins in a batch). */
  protected boolean putAndDeleteBatchTest() {
    return true;
  }

  @TestFactory
  Stream<DynamicNode> conformance() {
    DatastoreSuite suite = DatastoreSuite.forFactory(this::newStore);
    if (!putAndDeleteBatchTest()) {
      suite.withoutPutAndDeleteBatchTest();
    }
    return suite.tests();
  }
}
