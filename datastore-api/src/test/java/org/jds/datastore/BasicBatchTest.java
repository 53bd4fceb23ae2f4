package org.jds.datastore;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BasicBatchTest {
  @Test
  void lastOpPerKeyWinsAndInputIsCopied() throws DatastoreException {
    MapDatastore ds = new MapDatastore();
    ds.put(Key.of("/x"), new byte[] {9});
    BasicBatch b = new BasicBatch(ds);
    byte[] v = {1};
    b.put(Key.of("/a"), v);
    v[0] = 5;
    b.delete(Key.of("/x"));
    b.put(Key.of("/x"), new byte[] {3});
    b.delete(Key.of("/x"));
    b.commit();
    assertArrayEquals(new byte[] {1}, ds.get(Key.of("/a")));
    assertFalse(ds.has(Key.of("/x")));
  }

  @Test
  void commitStopsAtFirstError() {
    DatastoreException boom = new DatastoreIOException("disk full");
    List<String> applied = new ArrayList<>();
    Write target =
        new Write() {
          @Override
          public void put(Key key, byte[] value) throws DatastoreException {
            if (key.toString().equals("/2")) {
              throw boom;
            }
            applied.add(key.toString());
          }

          @Override
          public void delete(Key key) {
            applied.add("-" + key);
          }
        };
    BasicBatch b = new BasicBatch(target);
    b.put(Key.of("/1"), new byte[0]);
    b.put(Key.of("/2"), new byte[0]);
    b.put(Key.of("/3"), new byte[0]);
    assertSame(boom, assertThrows(DatastoreException.class, b::commit));
    assertEquals(List.of("/1"), applied);
  }
}
