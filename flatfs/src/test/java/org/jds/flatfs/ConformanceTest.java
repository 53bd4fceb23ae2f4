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
   * Every container but the query combinations for Go's three shard functions (tryAllShardFuncs)
   * with Go's ElemCount 100; the 1152 query combinations on every shard function with several
   * parameters ({@link #everyShardFunc()}: prefix, suffix and next-to-last with 1, 2 and 5) with
   * ElemCount 20 (Go's value under the race detector), which keeps each set to about 10 s.
   */
  @TestFactory
  Stream<DynamicNode> suiteOnMount() {
    Stream<DynamicNode> perShard = shardFuncs().map(fn -> dynamicContainer(fn.funName(),
        DatastoreSuite.forFactory(() -> mount(openAt("suite-" + fn.funName(), fn)))
            .tests()
            .filter(n -> !n.getDisplayName().equals(COMBINATIONS))));
    Stream<DynamicNode> combinations = everyShardFunc().map(fn -> dynamicContainer(
        COMBINATIONS + " " + fn.funName() + "/" + fn.param(),
        DatastoreSuite.forFactory(() -> mount(openAt("combinations-" + fn.funName() + "-" + fn.param(), fn)))
            .elemCount(20)
            .tests()
            .filter(n -> n.getDisplayName().equals(COMBINATIONS))));
    return Stream.concat(perShard, combinations);
  }

  private static final String COMBINATIONS = "Combinations";

  private static MountDatastore mount(FlatfsDatastore fs) {
    return new MountDatastore(List.of(new Mount(Key.of("/"), new MapDatastore()), new Mount(Key.of("/capital"), fs)));
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
