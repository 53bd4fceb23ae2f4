package org.jds.datastore.wrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.jds.datastore.BasicBatch;
import org.jds.datastore.Batch;
import org.jds.datastore.DatastoreException;
import org.jds.datastore.Key;
import org.jds.datastore.MapDatastore;
import org.jds.datastore.query.Query;
import org.junit.jupiter.api.Test;

class DelayedDatastoreTest {
  private static final Duration BASE = Duration.ofMillis(7);
  private final List<Duration> waits = Collections.synchronizedList(new ArrayList<>());

  @Test
  void everyCallButCloseWaitsOnce() throws DatastoreException {
    DelayedDatastore d = new DelayedDatastore(new MapDatastore(), Delay.fixed(BASE, waits::add));
    Key k = Key.of("/k");
    d.put(k, new byte[] {1});
    d.get(k);
    d.has(k);
    d.getSize(k);
    d.query(Query.all()).close();
    d.delete(k);
    d.sync(Key.ROOT);
    d.diskUsage();
    d.check();
    d.scrub();
    d.collectGarbage();
    assertEquals(11, waits.size());
    Batch b = d.batch(); // 12
    b.put(k, new byte[] {2});
    b.delete(k);
    b.commit(); // 15
    d.close();
    assertEquals(Collections.nCopies(15, BASE), waits);
  }

  @Test
  void childWithoutBatchingGetsGosBasicBatchOverTheDelayedStore() throws DatastoreException {
    DelayedDatastore d = new DelayedDatastore(new NonBatching(new MapDatastore()), Delay.fixed(BASE, waits::add));
    Batch b = d.batch();
    assertInstanceOf(BasicBatch.class, b);
    b.put(Key.of("/a"), new byte[] {1});
    b.put(Key.of("/b"), new byte[] {1});
    assertEquals(1, waits.size(), "opening the batch");
    b.commit();
    assertEquals(3, waits.size(), "each batched put is delayed as a put");
  }

  @Test
  void setChangesTheBaseAndReturnsThePrevious() throws DatastoreException {
    Delay delay = Delay.fixed(BASE, waits::add);
    assertEquals(BASE, delay.set(Duration.ofSeconds(2)));
    assertEquals(Duration.ofSeconds(2), delay.get());
    delay.await();
    assertEquals(List.of(Duration.ofSeconds(2)), waits);
  }

  @Test
  void variableDelaysDrawFromTheirDistribution() throws DatastoreException {
    Duration delta = Duration.ofMillis(100);
    Random expected = new Random(42);
    Delay uniform = Delay.variableUniform(BASE, delta, new Random(42), waits::add);
    Delay normal = Delay.variableNormal(BASE, delta, new Random(42), waits::add);
    for (int i = 0; i < 20; i++) {
      Duration u = uniform.nextWaitTime();
      assertEquals(BASE.plusNanos((long) (expected.nextDouble() * delta.toNanos())), u);
      assertTrue(u.compareTo(BASE) >= 0 && u.compareTo(BASE.plus(delta)) < 0, u.toString());
    }
    expected = new Random(42);
    for (int i = 0; i < 20; i++) {
      assertEquals(BASE.plusNanos((long) (expected.nextGaussian() * delta.toNanos())), normal.nextWaitTime());
    }
    uniform.set(Duration.ZERO);
    uniform.await();
    Duration w = waits.get(0);
    assertTrue(!w.isNegative() && w.compareTo(delta) < 0, "set changes only the base: " + w);
  }

  @Test
  void systemSleeperStopsOnInterruptAndKeepsTheFlag() {
    assertTimeoutPreemptively(Duration.ofMinutes(1), () -> {
      Thread.currentThread().interrupt();
      try {
        assertThrows(DatastoreException.class, () -> Sleeper.SYSTEM.sleep(Duration.ofHours(1)));
        assertTrue(Thread.currentThread().isInterrupted());
      } finally {
        Thread.interrupted();
      }
    });
    assertTimeoutPreemptively(Duration.ofMinutes(1), () -> Sleeper.SYSTEM.sleep(Duration.ofHours(-1)), "negative: no wait");
  }
}
