package org.jds.datastore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ErrorsTest {
  @Test
  void notFoundIsRecognisedThroughCausesAndJoins() {
    DatastoreException wrapped = Errors.wrap("getting x: ", NotFoundException.INSTANCE);
    assertEquals("getting x: datastore: key not found", wrapped.getMessage());
    assertTrue(wrapped.isNotFound());
    assertTrue(Errors.isNotFound(new RuntimeException("outer", wrapped)));
    DatastoreException joined =
        Errors.join(List.of(new DatastoreIOException("disk"), Errors.wrap("at /b: ", NotFoundException.INSTANCE)));
    assertInstanceOf(Errors.Joined.class, joined);
    assertEquals("disk\nat /b: datastore: key not found", joined.getMessage());
    assertTrue(joined.isNotFound(), "Go's errors.Is looks into every joined error");
    assertFalse(new DatastoreIOException("disk").isNotFound());
    assertFalse(Errors.isNotFound(null));
  }

  @Test
  void isFollowsCausesWithoutLoopingOnCycles() {
    DatastoreException a = new DatastoreException("a");
    DatastoreException b = new DatastoreException("b", a);
    a.initCause(b);
    assertFalse(Errors.is(b, NotFoundException.class));
    assertTrue(Errors.is(b, DatastoreException.class));
  }

  @Test
  void sentinelsHaveStableIdentities() {
    assertTrue(Errors.is(Errors.wrap("x: ", BatchUnsupportedException.INSTANCE), BatchUnsupportedException.class));
    assertEquals(UnsupportedFeatureException.BATCH_UNSUPPORTED, BatchUnsupportedException.INSTANCE.getMessage());
    assertEquals(0, BatchUnsupportedException.INSTANCE.getStackTrace().length, "shared: no stack");
    assertNull(Errors.join(List.of()));
  }
}
