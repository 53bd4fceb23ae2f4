package org.jds.datastore.wrap;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.jds.datastore.DatastoreException;
import org.jds.datastore.Key;
import org.jds.datastore.MapDatastore;
import org.junit.jupiter.api.Test;

/** Go's retrystore tests, plus the pauses (recorded, not taken) and the ops Go does not retry. */
class RetryDatastoreTest {
  private static final Key K = Key.of("/test");
  private final DatastoreException temp = new DatastoreException("this is a temp error");
  private final DatastoreException real = new DatastoreException("this is an actual error");
  private final List<Duration> sleeps = new ArrayList<>();
  private final AtomicInteger calls = new AtomicInteger();
  private final MapDatastore map = new MapDatastore();

  /** A failstore whose first {@code temporary} calls fail with the temporary error, then {@code then}. */
  private RetryDatastore store(int temporary, DatastoreException then, int retries) {
    Failstore f = new Failstore(map, op -> {
      int n = calls.incrementAndGet();
      if (n <= temporary) {
        throw temp;
      }
      if (then != null) {
        throw then;
      }
    });
    return new RetryDatastore(f, e -> e == temp, retries, Duration.ofMillis(10), sleeps::add);
  }

  @Test
  void runsOutOfRetries() {
    RetryDatastore r = store(Integer.MAX_VALUE, null, 5);
    DatastoreException e = assertThrows(DatastoreException.class, () -> r.get(K));
    assertEquals("ran out of retries trying to get past temporary error: this is a temp error", e.getMessage());
    assertSame(temp, e.getCause());
    assertEquals(6, calls.get(), "five retries, six executions");
    assertEquals(List.of(Duration.ofMillis(10), Duration.ofMillis(20), Duration.ofMillis(30), Duration.ofMillis(40), Duration.ofMillis(50)), sleeps);
  }

  @Test
  void realErrorGetsThroughAtOnce() {
    RetryDatastore r = store(0, real, 5);
    assertSame(real, assertThrows(DatastoreException.class, () -> r.get(K)));
    assertSame(real, assertThrows(DatastoreException.class, () -> r.has(K)));
    assertSame(real, assertThrows(DatastoreException.class, () -> r.put(K, null)));
    assertEquals(3, calls.get());
    assertEquals(List.of(), sleeps);
  }

  @Test
  void realErrorAfterTemporaryOnes() {
    RetryDatastore r = store(2, real, 5);
    assertSame(real, assertThrows(DatastoreException.class, () -> r.getSize(K)));
    assertEquals(3, calls.get());
    assertEquals(List.of(Duration.ofMillis(10), Duration.ofMillis(20)), sleeps);
  }

  @Test
  void succeedsAfterTemporaryFailures() throws DatastoreException {
    map.put(K, new byte[] {5});
    RetryDatastore r = store(3, null, 3);
    assertArrayEquals(new byte[] {5}, r.get(K));
    assertEquals(4, calls.get());
    assertEquals(3, sleeps.size());
    r.put(Key.of("/b"), new byte[] {1});
    r.sync(Key.ROOT);
    r.diskUsage();
    assertEquals(7, calls.get(), "no more failures: one call each");
  }

  @Test
  void deleteQueryAndBatchCommitAreNotRetried() throws DatastoreException {
    RetryDatastore r = store(Integer.MAX_VALUE, null, 5);
    assertSame(temp, assertThrows(DatastoreException.class, () -> r.delete(K)));
    assertSame(temp, assertThrows(DatastoreException.class, () -> r.query(org.jds.datastore.query.Query.all())));
    assertSame(temp, assertThrows(DatastoreException.class, r::batch));
    assertEquals(3, calls.get());
    assertEquals(List.of(), sleeps);
  }
}
