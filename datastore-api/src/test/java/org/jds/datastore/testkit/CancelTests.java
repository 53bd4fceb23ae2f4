package org.jds.datastore.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.jds.datastore.CancelledException;
import org.jds.datastore.Datastore;
import org.jds.datastore.DatastoreException;
import org.jds.datastore.DeadlineExceededException;
import org.jds.datastore.Key;
import org.jds.datastore.query.Entry;
import org.jds.datastore.query.Filter;
import org.jds.datastore.query.Query;
import org.jds.datastore.query.Result;
import org.jds.datastore.query.Results;
import org.jds.datastore.testkit.BasicTests.Case;

/**
 * Cancellation and deadlines (Go's {@code context.Context} on {@code Query}): {@link
 * Results#close()} from another thread ends a running stream, and a {@link Query#deadline()} ends
 * it with {@link DeadlineExceededException}. Stores that run the query inside {@code query()} (a
 * drained {@code SyncDatastore}) cannot be cancelled before it returns; the cases accept that and
 * still check the stream they return.
 */
public final class CancelTests {
  private CancelTests() {}

  public static List<Case> cases(int elemCount) {
    int n = Math.max(2, elemCount / 10);
    return List.of(
        new Case("Cancel/CloseFromAnotherThreadDuringWalk", ds -> closeDuringWalk(ds, n)),
        new Case("Cancel/CloseFromAnotherThreadBetweenResults", ds -> closeBetweenResults(ds, n)),
        new Case("Cancel/DeadlinePassed", ds -> deadlinePassed(ds, n)),
        new Case("Cancel/DeadlinePassesDuringWalk", ds -> deadlineDuringWalk(ds, n)));
  }

  private static void put(Datastore ds, List<Entry> input) throws DatastoreException {
    for (Entry e : input) {
      ds.put(Key.raw(e.key()), e.value());
    }
  }

  private static void delete(Datastore ds, List<Entry> input) throws DatastoreException {
    for (Entry e : input) {
      ds.delete(Key.raw(e.key()));
    }
  }

  /** Runs {@code r.close()} on a new thread and waits for it to return. */
  public static void closeFromAnotherThread(Results r) {
    Thread t = new Thread(r::close, "closer");
    t.start();
    try {
      t.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }

  /**
   * A filter passes the first entry and rejects the rest, so the second {@code next()} walks; at the
   * second entry the filter closes the results from another thread. The walk must stop there: no
   * further filter call, {@code next()} returns null, {@code rest()} throws {@link
   * CancelledException}.
   */
  static void closeDuringWalk(Datastore ds, int n) throws DatastoreException {
    List<Entry> input = QueryTests.input(n);
    put(ds, input);
    AtomicReference<Results> running = new AtomicReference<>();
    AtomicInteger calls = new AtomicInteger();
    Filter firstOnly = e -> {
      int c = calls.incrementAndGet();
      Results r = running.get();
      if (c == 2 && r != null) {
        closeFromAnotherThread(r);
      }
      return c == 1;
    };
    Results r = ds.query(Query.builder().filters(firstOnly).build());
    running.set(r);
    Result first = r.next();
    assertNotNull(first, "first result");
    assertFalse(first.isError(), () -> "first result is an error: " + first.error());
    boolean eager = calls.get() > 1; // the store ran the whole query inside query()
    assertNull(r.next(), "a result after the close");
    if (!eager) {
      assertEquals(2, calls.get(), "filter calls: the walk went on after the close");
      assertTrue(r.isCancelled(), "closed before the end is a cancellation");
      assertThrows(CancelledException.class, r::rest);
    }
    r.close();
    delete(ds, input);
  }

  /** After the first result, another thread closes; nothing more comes, rest() says cancelled. */
  static void closeBetweenResults(Datastore ds, int n) throws DatastoreException {
    List<Entry> input = QueryTests.input(n);
    put(ds, input);
    Results r = ds.query(Query.all());
    Result first = r.next();
    assertNotNull(first, "first result");
    closeFromAnotherThread(r);
    assertTrue(r.isCancelled());
    assertNull(r.next(), "a result after the close");
    assertFalse(r.iterator().hasNext(), "iterator continues after the close");
    assertThrows(CancelledException.class, r::rest);
    r.close();
    delete(ds, input);
  }

  /** A deadline already past: the query fails with DeadlineExceededException, returning nothing. */
  static void deadlinePassed(Datastore ds, int n) throws DatastoreException {
    List<Entry> input = QueryTests.input(n);
    put(ds, input);
    Query q = Query.builder().deadline(Instant.now().minusSeconds(1)).build();
    DeadlineExceededException e = assertThrows(DeadlineExceededException.class, () -> {
      try (Results r = ds.query(q)) {
        Result first = r.next();
        assertNotNull(first, "the stream must end with an error, not silently");
        assertTrue(first.isError(), "an entry after the deadline: " + first);
        assertNull(r.next(), "the deadline error ends the stream");
        throw first.error();
      }
    });
    assertEquals(DeadlineExceededException.MESSAGE, e.getMessage());
    delete(ds, input);
  }

  /**
   * The deadline passes while the filter holds the second entry (it waits for the clock to pass it):
   * the stream then ends with DeadlineExceededException, after at most the first entry.
   */
  static void deadlineDuringWalk(Datastore ds, int n) throws DatastoreException {
    List<Entry> input = QueryTests.input(n);
    put(ds, input);
    Instant deadline = Instant.now().plusMillis(200);
    AtomicInteger calls = new AtomicInteger();
    Query q = Query.builder().filters(passFirstThenWaitFor(deadline, calls)).deadline(deadline).build();
    List<Entry> got = new ArrayList<>();
    DatastoreException err = null;
    try (Results r = ds.query(q)) {
      for (Result res = r.next(); res != null; res = r.next()) {
        if (res.isError()) {
          assertNull(err, "a second error after " + err);
          err = res.error();
        } else {
          got.add(res.entry());
        }
      }
    } catch (DeadlineExceededException e) {
      err = e; // a store that runs the query inside query()
    }
    assertInstanceOf(DeadlineExceededException.class, err, "the stream must end with the deadline");
    assertTrue(got.size() <= 1, "entries after the deadline: " + got);
    assertTrue(calls.get() <= 2, "filter calls after the deadline: " + calls.get());
    delete(ds, input);
  }

  /**
   * A filter that counts its calls in {@code calls}, passes the first entry, and at the second waits
   * for the clock to pass {@code deadline} before rejecting it (and every later entry).
   */
  public static Filter passFirstThenWaitFor(Instant deadline, AtomicInteger calls) {
    return e -> {
      int c = calls.incrementAndGet();
      if (c == 2) {
        awaitClockPast(deadline);
      }
      return c == 1;
    };
  }

  /** Waits for an event (the clock passing {@code t}), not for a guessed duration. */
  public static void awaitClockPast(Instant t) {
    while (!Instant.now().isAfter(t)) {
      try {
        Thread.sleep(1);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }
}
