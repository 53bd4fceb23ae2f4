package org.jds.datastore;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.jds.datastore.query.Query;
import org.jds.datastore.wrap.Failstore;
import org.junit.jupiter.api.Test;

class BatchViewsTest {
  private final MapDatastore map = new MapDatastore();
  private final Batch writes = new BasicBatch(map);

  @Test
  void implementsExactlyWhatItIsGiven() throws DatastoreException {
    assertSame(writes, BatchViews.of(writes, null, null));
    List<String> discarded = new ArrayList<>();
    Batch reading = BatchViews.of(writes, map, null);
    assertTrue(reading instanceof BatchReader && !(reading instanceof DiscardableBatch));
    Batch discarding = BatchViews.of(writes, null, () -> discarded.add("x"));
    assertTrue(discarding instanceof DiscardableBatch && !(discarding instanceof BatchReader));
    Batch both = BatchViews.of(writes, map, () -> discarded.add("y"));
    assertTrue(both instanceof DiscardableBatch && both instanceof BatchReader);

    both.put(Key.of("/a"), new byte[] {1});
    assertFalse(((BatchReader) both).has(Key.of("/a")), "reads go to the given Read");
    both.commit();
    assertArrayEquals(new byte[] {1}, ((BatchReader) both).get(Key.of("/a")));
    ((DiscardableBatch) discarding).discard();
    ((DiscardableBatch) both).discard();
    assertEquals(List.of("x", "y"), discarded);
  }

  /** A map whose batch is readable (reads see the map) and discardable (records the call). */
  private final class ReadableBatches extends ForwardingDatastore implements Batching {
    final List<String> discards = new ArrayList<>();

    @Override
    protected Datastore delegate() {
      return map;
    }

    @Override
    public Batch batch() {
      return BatchViews.of(new BasicBatch(map), map, () -> discards.add("discard"));
    }
  }

  @Test
  void failstorePassesThemThroughAndNamesTheOps() throws DatastoreException {
    ReadableBatches child = new ReadableBatches();
    map.put(Key.of("/x"), new byte[] {7});
    List<String> ops = new ArrayList<>();
    Failstore f = new Failstore(child, ops::add);
    Batch b = f.batch();
    BatchReader r = assertInstanceOf(BatchReader.class, b);
    assertArrayEquals(new byte[] {7}, r.get(Key.of("/x")));
    assertTrue(r.has(Key.of("/x")));
    assertEquals(1, r.getSize(Key.of("/x")));
    assertEquals(1, r.query(Query.all()).rest().size());
    assertInstanceOf(DiscardableBatch.class, b).discard();
    assertEquals(List.of("discard"), child.discards);
    assertEquals(List.of("batch", "batch-get", "batch-has", "batch-getsize", "batch-query", "batch-discard"), ops);
  }
}
