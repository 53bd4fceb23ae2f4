package org.jds.datastore.wrap;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.jds.datastore.DatastoreException;
import org.jds.datastore.DatastoreIOException;
import org.jds.datastore.Key;
import org.jds.datastore.MapDatastore;
import org.jds.datastore.NotFoundException;
import org.jds.datastore.query.Query;
import org.junit.jupiter.api.Test;

class AutobatchTest {
  private static final Key A = Key.of("/a");
  private static final Key B = Key.of("/b");

  @Test
  void buffersUntilMoreThanSizeKeysThenFlushesAll() throws DatastoreException {
    RecordingStore child = new RecordingStore();
    child.put(B, new byte[] {9});
    Autobatch ab = new Autobatch(child, 3);
    ab.put(A, new byte[] {1});
    ab.delete(B);
    ab.put(Key.of("/c"), new byte[] {3, 3});
    assertEquals(3, ab.buffered());
    assertFalse(child.map.has(A), "buffered put reached the child");
    assertTrue(child.map.has(B), "buffered delete reached the child");
    // reads see the buffer
    assertArrayEquals(new byte[] {1}, ab.get(A));
    assertTrue(ab.has(A));
    assertEquals(2, ab.getSize(Key.of("/c")));
    assertSame(NotFoundException.INSTANCE, assertThrows(DatastoreException.class, () -> ab.get(B)));
    assertSame(NotFoundException.INSTANCE, assertThrows(DatastoreException.class, () -> ab.getSize(B)));
    assertFalse(ab.has(B));
    // a rewrite of a buffered key does not grow the buffer
    ab.put(A, new byte[] {2});
    assertEquals(3, ab.buffered());
    ab.put(Key.of("/d"), new byte[] {4}); // 4 > 3: flush
    assertEquals(0, ab.buffered());
    assertArrayEquals(new byte[] {2}, child.map.get(A));
    assertFalse(child.map.has(B));
    assertArrayEquals(new byte[] {4}, child.map.get(Key.of("/d")));
  }

  @Test
  void valuesAreCopied() throws DatastoreException {
    Autobatch ab = new Autobatch(new MapDatastore(), 10);
    byte[] v = {1};
    ab.put(A, v);
    v[0] = 7;
    ab.get(A)[0] = 8;
    assertArrayEquals(new byte[] {1}, ab.get(A));
    ab.put(B, null);
    assertEquals(0, ab.getSize(B), "null is stored as empty, as Go's nil");
  }

  @Test
  void queryFlushesFirst() throws DatastoreException {
    MapDatastore child = new MapDatastore();
    Autobatch ab = new Autobatch(child, 10);
    ab.put(A, new byte[] {1});
    assertEquals(List.of("/a"), ab.query(Query.all()).rest().stream().map(e -> e.key()).toList());
    assertEquals(0, ab.buffered());
    assertTrue(child.has(A));
  }

  @Test
  void syncFlushesOnlyThePrefixThenSyncsTheChild() throws DatastoreException {
    RecordingStore child = new RecordingStore();
    Autobatch ab = new Autobatch(child, 10);
    ab.put(Key.of("/x"), new byte[] {1});
    ab.put(Key.of("/x/y"), new byte[] {2});
    ab.put(Key.of("/xy"), new byte[] {3});
    ab.sync(Key.of("/x"));
    assertTrue(child.map.has(Key.of("/x")));
    assertTrue(child.map.has(Key.of("/x/y")));
    assertFalse(child.map.has(Key.of("/xy")), "/xy is not below /x");
    assertEquals(1, ab.buffered());
    assertEquals(List.of(Key.of("/x")), child.syncs);
  }

  @Test
  void failedFlushKeepsTheBufferAndCloseReportsIt() throws DatastoreException {
    MapDatastore map = new MapDatastore();
    Failstore child = new Failstore(map, op -> {
      if (op.equals("batch-commit")) {
        throw new DatastoreIOException("disk full");
      }
    });
    Autobatch ab = new Autobatch(child, 10);
    ab.put(A, new byte[] {1});
    assertEquals("disk full", assertThrows(DatastoreIOException.class, ab::flush).getMessage());
    assertEquals(1, ab.buffered(), "a failed flush must keep the writes");
    assertArrayEquals(new byte[] {1}, ab.get(A));
    assertThrows(DatastoreIOException.class, ab::close, "close must report the writes it could not flush");

    RecordingStore kept =
        new RecordingStore() {
          @Override
          public void close() {} // so the test can read it after the wrapper closed
        };
    Autobatch ok = new Autobatch(kept, 10);
    ok.put(B, new byte[] {2});
    ok.close();
    assertArrayEquals(new byte[] {2}, kept.map.get(B), "close flushes");
  }
}
