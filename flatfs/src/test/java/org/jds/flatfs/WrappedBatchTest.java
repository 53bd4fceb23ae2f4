package org.jds.flatfs;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.jds.datastore.Batch;
import org.jds.datastore.BatchReader;
import org.jds.datastore.Batching;
import org.jds.datastore.DatastoreException;
import org.jds.datastore.DiscardableBatch;
import org.jds.datastore.Key;
import org.jds.datastore.MapDatastore;
import org.jds.datastore.NotFoundException;
import org.jds.datastore.UnsupportedFeatureException;
import org.jds.datastore.query.Entry;
import org.jds.datastore.query.Query;
import org.jds.datastore.wrap.LogDatastore;
import org.jds.datastore.wrap.MeasureDatastore;
import org.jds.datastore.wrap.Mount;
import org.jds.datastore.wrap.MountDatastore;
import org.jds.datastore.wrap.Namespace;
import org.jds.datastore.wrap.SyncDatastore;
import org.jds.datastore.wrap.TraceDatastore;
import org.jds.flatfs.testkit.FlatfsTestBase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * flatfs's batch reads and discard through wrappers, as kubo stacks them: a namespace {@code /BLOCKS}
 * over a mount of flatfs at {@code /BLOCKS} (and a map at {@code /}), and the pass-through wrappers.
 */
class WrappedBatchTest extends FlatfsTestBase {
  private static final String SHARDS = "org.jds.flatfs.testkit.FlatfsTestBase#shardFuncs";
  private static final Key BLOCKS = Key.of("/BLOCKS");

  private static byte[] b(String s) {
    return s.getBytes(UTF_8);
  }

  private List<String> stagingDirs() throws Exception {
    return tree(DS + "/.temp").stream().filter(p -> p.startsWith("batch-")).map(p -> p.substring(0, p.indexOf('/'))).distinct().toList();
  }

  private static List<String> keys(List<Entry> entries) {
    return entries.stream().map(Entry::key).sorted().toList();
  }

  @ParameterizedTest
  @MethodSource(SHARDS)
  void readsAndDiscardThroughNamespaceOverMount(ShardId fn) throws Exception {
    FlatfsDatastore fs = open(fn);
    MountDatastore mount = new MountDatastore(List.of(new Mount(BLOCKS, fs), new Mount(Key.ROOT, new MapDatastore())));
    Batching blocks = (Batching) Namespace.wrap(mount, BLOCKS);
    blocks.put(k("/OLD"), b("old"));
    blocks.put(k("/GONE"), b("gone"));

    Batch batch = blocks.batch();
    BatchReader reader = assertInstanceOf(BatchReader.class, batch);
    batch.put(k("/NEW"), b("new!"));
    batch.delete(k("/GONE"));
    assertArrayEquals(b("new!"), reader.get(k("/NEW")), "a staged put is readable through the wrappers");
    assertEquals(4, reader.getSize(k("/NEW")));
    assertTrue(reader.has(k("/NEW")));
    assertFalse(reader.has(k("/GONE")), "a staged delete hides the key");
    assertSame(NotFoundException.INSTANCE, assertThrows(NotFoundException.class, () -> reader.get(k("/GONE"))));
    assertArrayEquals(b("old"), reader.get(k("/OLD")));
    assertEquals(List.of("/NEW", "/OLD"), keys(reader.query(Query.all()).rest()), "keys come back in the namespace");
    assertFalse(blocks.has(k("/NEW")), "nothing committed yet");
    assertEquals(1, stagingDirs().size());

    assertInstanceOf(DiscardableBatch.class, batch).discard();
    assertEquals(List.of(), stagingDirs(), "discard reached flatfs and removed its staging directory");
    assertFalse(blocks.has(k("/NEW")));
    assertTrue(blocks.has(k("/GONE")));

    Batch kept = blocks.batch();
    kept.put(k("/NEW"), b("new!"));
    kept.commit();
    assertArrayEquals(b("new!"), blocks.get(k("/NEW")));
  }

  @ParameterizedTest
  @MethodSource(SHARDS)
  void mountBatchReadsStoresWithoutABatchAndRefusesUnreadableBatches(ShardId fn) throws Exception {
    FlatfsDatastore fs = open(fn);
    MapDatastore map = new MapDatastore();
    map.put(Key.of("/other/x"), b("x"));
    MountDatastore mount = new MountDatastore(List.of(new Mount(BLOCKS, fs), new Mount(Key.ROOT, map)));
    Batch batch = mount.batch();
    BatchReader reader = (BatchReader) batch;
    assertArrayEquals(b("x"), reader.get(Key.of("/other/x")), "no batch opened at /: the map answers");
    batch.put(Key.of("/BLOCKS/NEW"), b("n"));
    batch.put(Key.of("/other/y"), b("y")); // opens the map's basic batch, which cannot be read
    assertArrayEquals(b("n"), reader.get(Key.of("/BLOCKS/NEW")));
    assertThrows(UnsupportedFeatureException.class, () -> reader.get(Key.of("/other/x")));
    assertThrows(UnsupportedFeatureException.class, () -> reader.query(Query.all()));
    ((DiscardableBatch) batch).discard();
    assertEquals(List.of(), stagingDirs());
    assertFalse(map.has(Key.of("/other/y")), "the basic batch was dropped uncommitted");
    assertFalse(fs.has(k("/NEW")));
  }

  @ParameterizedTest
  @MethodSource(SHARDS)
  void passThroughWrappersKeepBothInterfaces(ShardId fn) throws Exception {
    FlatfsDatastore fs = open(fn);
    List<String> trace = new ArrayList<>();
    List<Batching> wrappers = List.of(
        new SyncDatastore(fs),
        new MeasureDatastore("m", fs),
        new LogDatastore(fs, "log", line -> {}),
        new TraceDatastore(fs, (name, attributes) -> {
          trace.add(name);
          return () -> {};
        }));
    int i = 0;
    for (Batching w : wrappers) {
      Key key = k("/K" + i++);
      Batch batch = w.batch();
      batch.put(key, b("v"));
      assertTrue(assertInstanceOf(BatchReader.class, batch).has(key), w.getClass().getSimpleName());
      assertEquals(List.of(key.toString()), keys(((BatchReader) batch).query(Query.all()).rest()));
      assertInstanceOf(DiscardableBatch.class, batch).discard();
      assertFalse(fs.has(key));
      assertEquals(List.of(), stagingDirs(), w.getClass().getSimpleName());
    }
    assertEquals(List.of("Batch", "BatchPut", "BatchHas", "BatchQuery", "BatchDiscard"), trace);
  }

  @Test
  void wrapperBatchesOverAMapImplementNeither() throws DatastoreException {
    Batch batch = ((Batching) Namespace.wrap(new SyncDatastore(new MapDatastore()), BLOCKS)).batch();
    assertFalse(batch instanceof BatchReader || batch instanceof DiscardableBatch);
  }
}
