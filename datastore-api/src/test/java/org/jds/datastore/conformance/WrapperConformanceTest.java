package org.jds.datastore.conformance;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.jds.datastore.DatastoreIOException;
import org.jds.datastore.MapDatastore;
import org.jds.datastore.testkit.DatastoreSuite;
import org.jds.datastore.wrap.Autobatch;
import org.jds.datastore.wrap.Delay;
import org.jds.datastore.wrap.DelayedDatastore;
import org.jds.datastore.wrap.Failstore;
import org.jds.datastore.wrap.LogDatastore;
import org.jds.datastore.wrap.MeasureDatastore;
import org.jds.datastore.wrap.RetryDatastore;
import org.jds.datastore.wrap.TraceDatastore;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

/** The whole suite through each pass-through wrapper of go-datastore, kubo and go-ds-measure. */
class WrapperConformanceTest {
  private static DynamicNode suite(String name, DatastoreSuite.StoreFactory factory) {
    return DynamicContainer.dynamicContainer(name, DatastoreSuite.forFactory(factory).tests());
  }

  /** Every thread's every other get/has/getSize/put/sync/du fails with a temporary error. */
  private static Failstore flaky() {
    Set<String> retried = Set.of("get", "has", "getsize", "put", "sync", "disk-usage");
    ThreadLocal<long[]> calls = ThreadLocal.withInitial(() -> new long[1]);
    return new Failstore(new MapDatastore(), op -> {
      if (retried.contains(op) && calls.get()[0]++ % 2 == 0) {
        throw new DatastoreIOException("temporary");
      }
    });
  }

  @TestFactory
  Stream<DynamicNode> wrappers() {
    AtomicLong waits = new AtomicLong();
    return Stream.of(
        // small buffer: the suite's writes flush many times, reads hit both buffer and child
        suite("Autobatch", () -> new Autobatch(new MapDatastore(), 16)),
        suite("RetryDatastore", () -> new RetryDatastore(flaky(), e -> e.getMessage().equals("temporary"), 1, Duration.ofSeconds(1), d -> {})),
        suite("DelayedDatastore", () -> new DelayedDatastore(new MapDatastore(), Delay.fixed(Duration.ofSeconds(1), d -> waits.incrementAndGet()))),
        suite("TraceDatastore", () -> new TraceDatastore(new MapDatastore(), (n, a) -> () -> {})),
        suite("LogDatastore", () -> new LogDatastore(new MapDatastore(), "suite", line -> {})),
        suite("MeasureDatastore", () -> new MeasureDatastore("suite", new MapDatastore())));
  }

}
