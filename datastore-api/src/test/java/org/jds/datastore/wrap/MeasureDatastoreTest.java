package org.jds.datastore.wrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.jds.datastore.Batch;
import org.jds.datastore.DatastoreException;
import org.jds.datastore.DatastoreIOException;
import org.jds.datastore.Key;
import org.jds.datastore.MapDatastore;
import org.jds.datastore.query.Query;
import org.jds.datastore.wrap.MetricSnapshot.Bucket;
import org.junit.jupiter.api.Test;

class MeasureDatastoreTest {
  /** Every clock reading advances by {@code step} ns: each call then lasts exactly one step. */
  private final AtomicLong step = new AtomicLong(500_000); // 0.5 ms
  private final AtomicLong now = new AtomicLong();
  private final AtomicBoolean failPuts = new AtomicBoolean();

  private MeasureDatastore store() {
    Failstore child = new Failstore(new MapDatastore(), op -> {
      if (failPuts.get() && op.equals("put")) {
        throw new DatastoreIOException("disk full");
      }
    });
    return new MeasureDatastore("flatfs.datastore", child, () -> now.getAndAdd(step.get()));
  }

  private static Map<String, MetricSnapshot> byName(MeasureDatastore m) {
    Map<String, MetricSnapshot> out = new LinkedHashMap<>();
    for (MetricSnapshot s : m.snapshot()) {
      out.put(s.name(), s);
    }
    return out;
  }

  private static List<Bucket> buckets(double[] bounds, long... cumulative) {
    List<Bucket> out = new java.util.ArrayList<>();
    for (int i = 0; i < bounds.length; i++) {
      out.add(new Bucket(bounds[i], cumulative[i]));
    }
    return out;
  }

  private static final double[] SIZES = {64, 4096, 262144, 16777216};
  private static final double[] SECONDS = {1e-4, 1e-3, 1e-2, 1e-1, 1};

  @Test
  void scriptedOpsGiveExactCountsBytesErrorsAndLatencies() throws DatastoreException {
    MeasureDatastore m = store();
    Key a = Key.of("/a");
    Key b = Key.of("/b");
    m.put(a, new byte[10]);
    m.put(b, new byte[5000]);
    m.put(Key.of("/c"), null);
    m.get(a);
    m.get(b);
    assertThrows(DatastoreException.class, () -> m.get(Key.of("/missing")));
    assertThrows(DatastoreException.class, () -> m.getSize(Key.of("/missing")));
    m.getSize(a);
    m.has(a);
    m.has(Key.of("/missing"));
    m.delete(a);
    m.query(Query.all()).close();
    Batch batch = m.batch();
    batch.put(Key.of("/d"), new byte[70]);
    batch.put(Key.of("/e"), new byte[300_000]);
    batch.delete(b);
    batch.commit();
    m.check();
    m.scrub();
    m.collectGarbage();
    m.diskUsage();
    m.sync(Key.ROOT);
    failPuts.set(true);
    step.set(2_000_000_000L); // a 2 s put: beyond every latency bound
    assertThrows(DatastoreIOException.class, () -> m.put(a, new byte[1]));

    Map<String, MetricSnapshot> s = byName(m);
    String p = "flatfs.datastore.";
    Map<String, Long> totals = new LinkedHashMap<>();
    Map<String, Long> errors = new LinkedHashMap<>();
    for (String op : List.of("get", "has", "getsize", "query", "put", "delete", "sync", "du", "check", "scrub", "gc", "batchput", "batchdelete", "batchcommit")) {
      totals.put(op, s.get(p + op + "_total").count());
      errors.put(op, s.get(p + op + ".errors_total").count());
    }
    assertEquals(Map.ofEntries(
        Map.entry("get", 3L), Map.entry("has", 2L), Map.entry("getsize", 2L), Map.entry("query", 1L),
        Map.entry("put", 4L), Map.entry("delete", 1L), Map.entry("sync", 1L), Map.entry("du", 1L),
        Map.entry("check", 1L), Map.entry("scrub", 1L), Map.entry("gc", 1L), Map.entry("batchput", 2L),
        Map.entry("batchdelete", 1L), Map.entry("batchcommit", 1L)), totals);
    Map<String, Long> expectedErrors = new LinkedHashMap<>();
    totals.keySet().forEach(op -> expectedErrors.put(op, op.equals("put") ? 1L : 0L)); // not-found is no error
    assertEquals(expectedErrors, errors);

    MetricSnapshot putSize = s.get(p + "put.size_bytes");
    assertEquals(4, putSize.count());
    assertEquals(10 + 5000 + 0 + 1, putSize.sum());
    assertEquals(buckets(SIZES, 3, 3, 4, 4), putSize.buckets());
    assertEquals("Size distribution of stored byte slices", putSize.help());
    MetricSnapshot getSize = s.get(p + "get.size_bytes");
    assertEquals(2, getSize.count(), "only found values are sized");
    assertEquals(5010, getSize.sum());
    assertEquals(buckets(SIZES, 1, 1, 2, 2), getSize.buckets());
    MetricSnapshot batchSize = s.get(p + "batchput.size_bytes");
    assertEquals(300_070, batchSize.sum());
    assertEquals(buckets(SIZES, 0, 1, 1, 2), batchSize.buckets());

    MetricSnapshot putLatency = s.get(p + "put.latency_seconds");
    assertEquals(MetricSnapshot.Type.HISTOGRAM, putLatency.type());
    assertEquals("Latency distribution of Datastore.Put calls", putLatency.help());
    assertEquals(4, putLatency.count());
    assertEquals(3 * 0.0005 + 2.0, putLatency.sum(), 1e-12);
    assertEquals(buckets(SECONDS, 0, 3, 3, 3, 3), putLatency.buckets(), "the 2 s put is only in +Inf");
    MetricSnapshot commitLatency = s.get(p + "batchcommit.latency_seconds");
    assertEquals("Latency distribution of Batch.Commit calls", commitLatency.help());
    assertEquals(buckets(SECONDS, 0, 1, 1, 1, 1), commitLatency.buckets());
    assertEquals("Total number of Datastore.CollectGarbage calls", s.get(p + "gc_total").help());
    assertEquals(MetricSnapshot.Type.COUNTER, s.get(p + "gc_total").type());
    // 14 ops x (total, errors, latency) + 3 size histograms
    assertEquals(14 * 3 + 3, s.size());
  }
}
