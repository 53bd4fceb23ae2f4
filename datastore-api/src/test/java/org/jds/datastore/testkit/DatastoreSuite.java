package org.jds.datastore.testkit;

import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.jds.datastore.Batching;
import org.jds.datastore.Datastore;
import org.jds.datastore.testkit.BasicTests.Case;
import org.jds.datastore.testkit.BasicTests.StoreTest;
import org.jds.datastore.testkit.CombinationTests.Combination;
import org.junit.jupiter.api.DynamicNode;

/**
 * The conformance suite (Go's {@code dstest.SubtestAll} plus extras) as JUnit dynamic tests, one per
 * case. Usage from any module's tests:
 *
 * <pre>{@code
 * @TestFactory
 * Stream<DynamicNode> conformance() {
 *   return DatastoreSuite.forFactory(() -> new MyStore(...)).tests();
 * }
 * }</pre>
 *
 * <p>All cases but the last share one store, created on first use by the factory; the store is
 * cleared before and after each case (Go's {@code clearDs}). Containers, in order: {@code Basic}
 * (40 cases), {@code Combinations} (1152), {@code Extended} (146), {@code
 * Cancel} (4: close from another thread, deadlines), {@code Batch} (3, or 2 with
 * {@link #withoutPutAndDeleteBatchTest()}; only if the store is {@link Batching}), {@code
 * Features} (TTL, transactions, disk usage, check, scrub, GC: only those the store implements),
 * {@code Concurrency} (1) and {@code Closed} (1: closes the shared store and checks every operation throws
 * {@code ClosedException}).
 */
public final class DatastoreSuite {
  /** Creates the store under test. */
  @FunctionalInterface
  public interface StoreFactory {
    Datastore create() throws Exception;
  }

  private final StoreFactory factory;
  private boolean putAndDeleteBatchTest = true;
  private int elemCount = 100;
  private Datastore shared;

  private DatastoreSuite(StoreFactory factory) {
    this.factory = factory;
  }

  public static DatastoreSuite forFactory(StoreFactory factory) {
    return new DatastoreSuite(factory);
  }

  /**
   * Leaves out Go's {@code RunBatchPutAndDeleteTest}, for stores whose batches are not last-writer-
   * wins (flatfs keeps the first put per key).
   */
  public DatastoreSuite withoutPutAndDeleteBatchTest() {
    putAndDeleteBatchTest = false;
    return this;
  }

  /** Go's {@code ElemCount} (default 100, at least 20). */
  public DatastoreSuite elemCount(int n) {
    if (n < 20) {
      throw new IllegalArgumentException("ElemCount should be set to 20 at least");
    }
    elemCount = n;
    return this;
  }

  private synchronized Datastore store() throws Exception {
    if (shared == null) {
      shared = factory.create();
    }
    return shared;
  }

  /** Wraps a case: clear, run, clear. */
  private DynamicNode test(String name, StoreTest body) {
    return dynamicTest(name, () -> {
      Datastore ds = store();
      QueryTests.clear(ds);
      body.run(ds);
      QueryTests.clear(ds);
    });
  }

  private DynamicNode container(String name, List<Case> cases) {
    return dynamicContainer(name, cases.stream().map(c -> test(c.name(), c.test())));
  }

  /** Every case, lazily; run it from a {@code @TestFactory}. */
  public Stream<DynamicNode> tests() {
    List<DynamicNode> nodes = new ArrayList<>();
    nodes.add(container("Basic", BasicTests.cases(elemCount)));
    List<Case> combos = new ArrayList<>();
    for (Combination c : CombinationTests.all(elemCount)) {
      combos.add(new Case(c.name(), ds -> QueryTests.subtestQuery(ds, c.query(), c.count())));
    }
    nodes.add(container("Combinations", combos));
    nodes.add(container("Extended", ExtendedTests.cases(elemCount)));
    nodes.add(container("Cancel", CancelTests.cases(elemCount)));
    nodes.add(dynamicContainer("Batch", batchTests()));
    nodes.add(dynamicContainer("Features", featureTests()));
    nodes.add(test("Concurrency", ds -> ConcurrencyTests.run(ds, 4, 400, 16)));
    nodes.add(dynamicTest("Closed", () -> ClosedStoreTests.run(store())));
    return nodes.stream();
  }

  /** Optional-feature cases, generated once the store exists, for the features it implements. */
  private Stream<DynamicNode> featureTests() {
    return Stream.of(0).flatMap(ignored -> {
      try {
        return FeatureTests.cases(store()).stream().map(c -> test(c.name(), c.test()));
      } catch (Exception e) {
        return Stream.of(dynamicTest("create store", () -> {
          throw e;
        }));
      }
    });
  }

  /** The batch cases are generated only once the store exists and turns out to be Batching. */
  private Stream<DynamicNode> batchTests() {
    return Stream.of(0).flatMap(ignored -> {
      Datastore ds;
      try {
        ds = store();
      } catch (Exception e) {
        return Stream.of(dynamicTest("create store", () -> {
          throw e;
        }));
      }
      if (!(ds instanceof Batching b)) {
        return Stream.empty();
      }
      List<DynamicNode> out = new ArrayList<>();
      out.add(test("RunBatchTest", x -> BatchTests.runBatchTest(b)));
      out.add(test("RunBatchDeleteTest", x -> BatchTests.runBatchDeleteTest(b)));
      if (putAndDeleteBatchTest) {
        out.add(test("RunBatchPutAndDeleteTest", x -> BatchTests.runBatchPutAndDeleteTest(b)));
      }
      return out.stream();
    });
  }
}
