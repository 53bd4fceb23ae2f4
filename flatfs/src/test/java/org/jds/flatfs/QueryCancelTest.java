package org.jds.flatfs;

import static org.jds.datastore.testkit.CancelTests.closeFromAnotherThread;
import static org.jds.datastore.testkit.CancelTests.passFirstThenWaitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.jds.datastore.Batch;
import org.jds.datastore.CancelledException;
import org.jds.datastore.DeadlineExceededException;
import org.jds.datastore.query.Filter;
import org.jds.datastore.query.Order;
import org.jds.datastore.query.Query;
import org.jds.datastore.query.Result;
import org.jds.datastore.query.Results;
import org.jds.flatfs.testkit.FaultyStorage;
import org.jds.flatfs.testkit.FlatfsTestBase;
import org.junit.jupiter.api.Test;

/**
 * A 100,000-key query stops promptly when cancelled, from another thread or by its deadline: the walk
 * goes no further and every directory listing it opened is closed. A {@link FaultyStorage} listing
 * hook counts open listings and listing steps; on blobfs storage (the blobfs-backend run) the same
 * test covers the chunked in-memory listings.
 */
class QueryCancelTest extends FlatfsTestBase {
  private static final int KEYS = 100_000;

  private final AtomicInteger openListings = new AtomicInteger();
  private final AtomicInteger listingSteps = new AtomicInteger();
  /** Runs at one listing step, on the walking thread (null: none). */
  private volatile Runnable atStep;
  private volatile int atStepNumber;

  @Test
  void cancelledQueriesOfOneHundredThousandKeysStop() throws Exception {
    FaultyStorage counting = new FaultyStorage(storage());
    counting.onListing((what, dir) -> {
      switch (what) {
        case "open" -> openListings.incrementAndGet();
        case "close" -> openListings.decrementAndGet();
        default -> {
          int step = listingSteps.incrementAndGet();
          Runnable r = atStep;
          if (r != null && step == atStepNumber) {
            r.run();
          }
        }
      }
    });
    FlatfsDatastore fs = track(FlatfsDatastore.createOrOpen(counting, DS, ShardId.DEFAULT, false));
    Batch b = fs.batch();
    byte[] v = {1};
    for (int i = 0; i < KEYS; i++) {
      b.put(k(String.format("/K%06d", i)), v);
    }
    b.commit();
    assertEquals(0, openListings.get(), "listings left open by the batch");

    closeAfterFirstEntry(fs);
    closeWhileNextWalks(fs);
    closeWhileOrderReadsEverything(fs);
    deadlineAfterFirstEntry(fs);
  }

  /** Cancel after the first entry: the closing thread releases the listings at once. */
  private void closeAfterFirstEntry(FlatfsDatastore fs) throws Exception {
    Results r = fs.query(Query.builder().keysOnly(true).build());
    assertNotNull(r.next(), "first entry");
    assertTrue(openListings.get() > 0, "the walk holds listings open");
    int steps = listingSteps.get();
    closeFromAnotherThread(r);
    assertEquals(0, openListings.get(), "listings still open after close()");
    assertNull(r.next(), "an entry after close()");
    assertEquals(steps, listingSteps.get(), "the walk went on after close()");
    assertTrue(r.isCancelled());
    assertThrows(CancelledException.class, r::rest);
  }

  /**
   * A filter passes the first entry and rejects the rest, so the second next() walks the whole
   * store; 1,000 listing steps later another thread closes the results while the walker is inside a
   * listing. next() returns null without another listing step, listings closed.
   */
  private void closeWhileNextWalks(FlatfsDatastore fs) throws Exception {
    AtomicInteger filterCalls = new AtomicInteger();
    Filter firstOnly = e -> filterCalls.incrementAndGet() == 1;
    Results r = fs.query(Query.builder().keysOnly(true).filters(firstOnly).build());
    assertNotNull(r.next(), "first entry");
    int stepsAtClose = closeAtStep(r, listingSteps.get() + 1000);
    assertNull(r.next(), "next() must end when the results are closed");
    assertEquals(stepsAtClose, listingSteps.get(), "listing steps after close()");
    assertEquals(0, openListings.get(), "listings still open after close()");
    assertTrue(filterCalls.get() <= 1001, "entries produced: " + filterCalls.get());
    atStep = null;
  }

  /** An order reads everything in the first next(); a close from another thread ends it too. */
  private void closeWhileOrderReadsEverything(FlatfsDatastore fs) throws Exception {
    Results r = fs.query(Query.builder().keysOnly(true).orders(Order.BY_KEY_DESCENDING).build());
    int stepsAtClose = closeAtStep(r, listingSteps.get() + 5000);
    assertNull(r.next(), "the ordered query must end when closed");
    assertEquals(stepsAtClose, listingSteps.get(), "listing steps after close()");
    assertEquals(0, openListings.get(), "listings still open after close()");
    atStep = null;
  }

  /** Arms the hook to close {@code r} from another thread at listing step {@code step}; returns it. */
  private int closeAtStep(Results r, int step) {
    atStepNumber = step;
    atStep = () -> closeFromAnotherThread(r);
    return step;
  }

  /**
   * The deadline passes while a filter holds the second entry: the stream ends with one
   * DeadlineExceededException after at most one entry, and the listings are closed.
   */
  private void deadlineAfterFirstEntry(FlatfsDatastore fs) throws Exception {
    Instant deadline = Instant.now().plusMillis(200);
    AtomicInteger filterCalls = new AtomicInteger();
    Filter waitAtSecond = passFirstThenWaitFor(deadline, filterCalls);
    Results r = fs.query(Query.builder().keysOnly(true).filters(waitAtSecond).deadline(deadline).build());
    int entries = 0;
    Result err = null;
    for (Result res = r.next(); res != null; res = r.next()) {
      if (res.isError()) {
        assertNull(err, "a second error");
        err = res;
      } else {
        entries++;
      }
    }
    assertNotNull(err, "the stream must end with an error");
    assertInstanceOf(DeadlineExceededException.class, err.error());
    assertTrue(entries <= 1, "entries after the deadline: " + entries);
    assertTrue(filterCalls.get() <= 2, "filter calls after the deadline: " + filterCalls.get());
    assertEquals(0, openListings.get(), "listings still open after the deadline");
    assertFalse(r.isCancelled(), "a deadline is not a close()");
  }
}
