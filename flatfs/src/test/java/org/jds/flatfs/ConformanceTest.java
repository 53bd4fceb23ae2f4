package org.jds.flatfs;

import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.util.List;
import java.util.stream.Stream;
import org.jds.datastore.Key;
import org.jds.datastore.MapDatastore;
import org.jds.datastore.testkit.BatchTests;
import org.jds.datastore.testkit.DatastoreSuite;
import org.jds.datastore.wrap.Mount;
import org.jds.datastore.wrap.MountDatastore;
import org.jds.flatfs.testkit.FlatfsTestBase;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

/**
 * Go's TestSuite: the conformance suite on a mount of {@code /} → MapDatastore and {@code /capital}
 * → flatfs (only the upper-case {@code /capital/<i>KEY<i>} keys reach flatfs), once per shard
 * function; and Go's TestBatchPut/TestBatchDelete directly on flatfs.
 */
class ConformanceTest extends FlatfsTestBase {
  /**
   * The 1152 query combinations (about 40 s per run here) go through Go's own TestSuite shard
   * function, prefix/2, only; every other container runs for all three functions.
   */
  @TestFactory
  Stream<DynamicNode> suiteOnMount() {
    return shardFuncs().map(fn -> dynamicContainer(fn.funName(),
        DatastoreSuite.forFactory(() -> new MountDatastore(List.of(
                new Mount(Key.of("/"), new MapDatastore()),
                new Mount(Key.of("/capital"), openAt("suite-" + fn.funName(), fn)))))
            .tests()
            .filter(n -> fn.funName().equals(ShardId.PREFIX_FN) || !n.getDisplayName().equals("Combinations"))));
  }

  @TestFactory
  Stream<DynamicNode> batchTestsOnFlatfs() {
    return shardFuncs().flatMap(fn -> Stream.of(
        dynamicTest("RunBatchTest/" + fn.funName(), () -> {
          FlatfsDatastore fs = openAt("put-" + fn.funName(), fn);
          BatchTests.runBatchTest(fs);
          fs.close();
        }),
        dynamicTest("RunBatchDeleteTest/" + fn.funName(), () -> {
          FlatfsDatastore fs = openAt("delete-" + fn.funName(), fn);
          BatchTests.runBatchDeleteTest(fs);
          fs.close();
        })));
  }
}
