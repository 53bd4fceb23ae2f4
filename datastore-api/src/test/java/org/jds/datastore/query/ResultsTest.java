package org.jds.datastore.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import org.jds.datastore.CancelledException;
import org.jds.datastore.DatastoreException;
import org.jds.datastore.DatastoreIOException;
import org.jds.datastore.DeadlineExceededException;
import org.jds.datastore.testkit.CancelTests;
import org.junit.jupiter.api.Test;

class ResultsTest {
  private static final Entry A = new Entry("/a", new byte[] {1});
  private static final Entry B = new Entry("/b", new byte[] {2});

  @Test
  void restPartialReturnsTheEntriesReadBeforeTheError() {
    DatastoreIOException boom = new DatastoreIOException("boom");
    Results r = Results.fromResults(Query.all(), List.of(Result.of(A), Result.of(B), Result.error(boom), Result.of(A)));
    RestResult got = r.restPartial();
    assertEquals(List.of(A, B), got.entries());
    assertSame(boom, got.error());
    assertFalse(got.ok());
    assertSame(boom, assertThrows(DatastoreIOException.class, got::entriesOrThrow));
    assertNull(r.next(), "restPartial closes");
  }

  @Test
  void restThrowsTheFirstError() {
    DatastoreIOException boom = new DatastoreIOException("boom");
    Results r = Results.fromResults(Query.all(), List.of(Result.of(A), Result.error(boom)));
    assertSame(boom, assertThrows(DatastoreException.class, r::rest));
  }

  @Test
  void restPartialWithoutAnError() throws DatastoreException {
    RestResult got = Results.fromEntries(Query.all(), List.of(A, B)).restPartial();
    assertTrue(got.ok());
    assertEquals(List.of(A, B), got.entriesOrThrow());
  }

  @Test
  void closedFromAnotherThreadIsACancellationWithTheEntriesSoFar() {
    Results r = Results.fromEntries(Query.all(), List.of(A, B));
    assertEquals(A, r.next().entry());
    CancelTests.closeFromAnotherThread(r);
    assertTrue(r.isCancelled());
    RestResult got = r.restPartial();
    assertEquals(List.of(), got.entries());
    assertInstanceOf(CancelledException.class, got.error());
    assertEquals(CancelledException.MESSAGE, got.error().getMessage());
  }

  @Test
  void aFinishedStreamIsNotCancelled() throws DatastoreException {
    Results r = Results.fromEntries(Query.all(), List.of(A));
    assertEquals(List.of(A), r.rest());
    r.close();
    assertFalse(r.isCancelled());
  }

  @Test
  void aPassedDeadlineEndsTheStreamWithOneError() {
    Query q = Query.builder().deadline(Instant.now().minusMillis(1)).build();
    Results r = Results.fromEntries(q, List.of(A, B));
    Result first = r.next();
    assertInstanceOf(DeadlineExceededException.class, first.error());
    assertEquals(DeadlineExceededException.MESSAGE, first.error().getMessage());
    assertNull(r.next());
    assertFalse(r.isCancelled());
  }

  @Test
  void aCancelledErrorFromTheSourceEndsTheStream() {
    Results inner = Results.fromResults(null, List.of(Result.error(new DeadlineExceededException()), Result.of(A)));
    Results r = Results.fromIterator(Query.all(), inner.asIterator());
    assertInstanceOf(DeadlineExceededException.class, r.next().error());
    assertNull(r.next(), "nothing after a deadline error");
  }

  @Test
  void deadlineAndTimeoutAreKeptByToBuilderButNotPrinted() {
    Instant d = Instant.parse("2030-01-01T00:00:00Z");
    Query q = Query.builder().deadline(d).build();
    assertEquals(d, q.toBuilder().build().deadline());
    assertEquals("SELECT keys,vals", q.toString());
    assertFalse(q.deadlinePassed());
    assertTrue(Query.builder().timeout(java.time.Duration.ofMillis(-1)).build().deadlinePassed());
    assertNull(Query.all().deadline());
  }
}
