package org.jds.datastore.wrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jds.datastore.BasicBatch;
import org.jds.datastore.Batch;
import org.jds.datastore.DatastoreException;
import org.jds.datastore.Key;
import org.jds.datastore.MapDatastore;
import org.jds.datastore.UnsupportedFeatureException;
import org.jds.datastore.query.Query;
import org.junit.jupiter.api.Test;

class TraceAndLogTest {
  private static final Key K = Key.of("/k");
  private static final Key MISSING = Key.of("/missing");
  private static final Query Q = Query.builder().prefix("/p").keysOnly(true).offset(2).build();

  /** The same calls on any wrapper. */
  private static void script(InterceptingDatastore d) throws DatastoreException {
    d.put(K, new byte[] {1});
    d.get(K);
    assertThrows(DatastoreException.class, () -> d.get(MISSING));
    d.query(Q).close();
    Batch b = d.batch();
    b.put(K, new byte[] {2});
    b.delete(K);
    b.commit();
    d.sync(K);
    d.diskUsage();
    d.close();
  }

  record Span(String name, Map<String, String> attributes, List<String> events) {}

  @Test
  void traceOpensOneSpanPerCallWithGosNamesAndAttributes() throws DatastoreException {
    List<Span> spans = new ArrayList<>();
    Tracer tracer = (name, attributes) -> {
      Span s = new Span(name, attributes, new ArrayList<>());
      spans.add(s);
      return new Tracer.Span() {
        @Override
        public void recordError(DatastoreException error) {
          s.events().add("error: " + error.getMessage());
        }

        @Override
        public void end() {
          s.events().add("end");
        }
      };
    };
    script(new TraceDatastore(new MapDatastore(), tracer));
    List<String> end = List.of("end");
    assertEquals(
        List.of(
            new Span("Put", Map.of("key", "/k"), end),
            new Span("Get", Map.of("key", "/k"), end),
            new Span("Get", Map.of("key", "/missing"), List.of("error: datastore: key not found", "end")),
            new Span("Query", Map.of("query", Q.toString()), end),
            new Span("Batch", Map.of(), end),
            new Span("BatchPut", Map.of("key", "/k"), end),
            new Span("BatchDelete", Map.of("key", "/k"), end),
            new Span("BatchCommit", Map.of(), end),
            new Span("Sync", Map.of("key", "/k"), end),
            new Span("DiskUsage", Map.of(), end),
            new Span("Close", Map.of(), end)),
        spans);
  }

  @Test
  void traceOverANonBatchingChildUsesABasicBatchOverItself() throws DatastoreException {
    List<String> names = new ArrayList<>();
    TraceDatastore t = new TraceDatastore(new NonBatching(new MapDatastore()), (n, a) -> {
      names.add(n);
      return () -> {};
    });
    Batch b = t.batch();
    assertInstanceOf(BasicBatch.class, b);
    b.put(K, new byte[] {1});
    b.commit();
    assertEquals(List.of("Batch", "Put"), names);
  }

  @Test
  void logWritesGosLines() throws DatastoreException {
    List<String> lines = new ArrayList<>();
    script(new LogDatastore(new MapDatastore(), "blocks", lines::add));
    assertEquals(
        List.of(
            "blocks: Put /k",
            "blocks: Get /k",
            "blocks: Get /missing",
            "blocks: Query",
            "blocks: q.Prefix: /p",
            "blocks: q.KeysOnly: true",
            "blocks: q.Filters: 0",
            "blocks: q.Orders: 0",
            "blocks: q.Offset: 2",
            "blocks: Batch",
            "blocks: BatchPut /k",
            "blocks: BatchDelete /k",
            "blocks: BatchCommit",
            "blocks: Sync /k",
            "blocks: DiskUsage",
            "blocks: Close"),
        lines);
  }

  @Test
  void logDefaultsItsNameAndRefusesBatchesWithoutBatchingChild() {
    List<String> lines = new ArrayList<>();
    LogDatastore l = new LogDatastore(new NonBatching(new MapDatastore()), "", lines::add);
    assertEquals("LogDatastore", l.name());
    assertThrows(UnsupportedFeatureException.class, l::batch);
    assertEquals(List.of("LogDatastore: Batch"), lines, "Go logs Batch, then refuses");
  }
}
