package org.jds.datastore.wrap;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.jds.datastore.Batch;
import org.jds.datastore.DatastoreException;
import org.jds.datastore.DatastoreIOException;
import org.jds.datastore.Key;
import org.jds.datastore.MapDatastore;
import org.jds.datastore.NotFoundException;
import org.jds.datastore.NullDatastore;
import org.jds.datastore.UnsupportedFeatureException;
import org.jds.datastore.query.Entry;
import org.jds.datastore.query.FilterKeyCompare;
import org.jds.datastore.query.Op;
import org.jds.datastore.query.Order;
import org.jds.datastore.query.Query;
import org.jds.datastore.query.Results;
import org.junit.jupiter.api.Test;

class MountDatastoreTest {
  private final RecordingStore root = new RecordingStore();
  private final RecordingStore foo = new RecordingStore();
  private final RecordingStore fooBar = new RecordingStore();
  private final RecordingStore bar = new RecordingStore();
  private final MountDatastore m =
      new MountDatastore(
          List.of(
              new Mount(Key.of("/"), root),
              new Mount(Key.of("/foo"), foo),
              new Mount(Key.of("/foo/bar"), fooBar),
              new Mount(Key.of("/bar"), bar)));

  private static List<String> keys(Results r) throws DatastoreException {
    return r.rest().stream().map(Entry::key).toList();
  }

  @Test
  void routesToTheDeepestStrictAncestorAndStripsIt() throws DatastoreException {
    m.put(Key.of("/foo"), new byte[] {1});
    m.put(Key.of("/foobar"), new byte[] {2});
    m.put(Key.of("/foo/baz"), new byte[] {3});
    m.put(Key.of("/foo/bar"), new byte[] {4});
    m.put(Key.of("/foo/bar/baz"), new byte[] {5});
    assertTrue(root.has(Key.of("/foo")), "a key equal to a mount point goes to the parent mount");
    assertTrue(root.has(Key.of("/foobar")));
    assertTrue(foo.has(Key.of("/baz")));
    assertTrue(foo.has(Key.of("/bar")));
    assertTrue(fooBar.has(Key.of("/baz")));
    assertArrayEquals(new byte[] {5}, m.get(Key.of("/foo/bar/baz")));
    assertEquals(1, m.getSize(Key.of("/foo/bar/baz")));
    m.delete(Key.of("/foo/bar/baz"));
    assertFalse(fooBar.has(Key.of("/baz")));
  }

  @Test
  void withoutARootMount() throws DatastoreException {
    MountDatastore only = new MountDatastore(List.of(new Mount(Key.of("/x"), new MapDatastore())));
    Key k = Key.of("/y/z");
    DatastoreException e = assertThrows(DatastoreException.class, () -> only.put(k, new byte[] {1}));
    assertEquals(MountDatastore.NO_MOUNT, e.getMessage());
    assertSame(NotFoundException.INSTANCE, assertThrows(DatastoreException.class, () -> only.get(k)));
    assertSame(NotFoundException.INSTANCE, assertThrows(DatastoreException.class, () -> only.getSize(k)));
    assertFalse(only.has(k));
    only.delete(k);
    assertThrows(DatastoreException.class, () -> only.put(Key.of("/x"), new byte[] {1}), "the mount point itself is outside");
    assertEquals(List.of(), keys(only.query(Query.builder().prefix("/y").build())));
    Batch b = only.batch();
    assertEquals(UnsupportedFeatureException.BATCH_UNSUPPORTED, assertThrows(UnsupportedFeatureException.class, () -> b.put(k, new byte[] {1})).getMessage());
  }

  @Test
  void queryFansOutWithTheRemainingPrefix() throws DatastoreException {
    m.query(Query.builder().prefix("/foo").build()).close();
    assertEquals("/", foo.lastQuery().prefix());
    assertEquals("/", fooBar.lastQuery().prefix());
    assertTrue(root.queries.isEmpty(), "the root cannot hold keys under /foo");
    assertTrue(bar.queries.isEmpty());
    m.query(Query.builder().prefix("/foo/baz/q").build()).close();
    assertEquals("/baz/q", foo.lastQuery().prefix());
    m.query(Query.builder().prefix("/ba").build()).close();
    assertEquals("/ba", root.lastQuery().prefix(), "only whole components match");
    assertEquals(0, bar.queries.size());
  }

  @Test
  void queryMergesInOrderAndAppliesFiltersOffsetLimitOnTop() throws DatastoreException {
    for (String k : List.of("/a", "/foo/c", "/foo/bar/b", "/bar/d", "/z", "/foo/bar/e")) {
      m.put(Key.of(k), k.getBytes());
    }
    Query q =
        Query.builder().orders(Order.BY_KEY_DESCENDING).filters(new FilterKeyCompare(Op.NOT_EQUAL, "/z")).offset(1).limit(3).build();
    try (Results r = m.query(q)) {
      assertEquals(q, r.query());
      assertEquals(List.of("/foo/bar/e", "/foo/bar/b", "/bar/d"), keys(r));
    }
    Query child = foo.lastQuery();
    assertEquals(List.of(Order.BY_KEY_DESCENDING), child.orders());
    assertEquals(List.of(), child.filters());
    assertEquals(0, child.offset());
    assertEquals(0, child.limit());
    assertEquals(
        List.of("/a", "/bar/d", "/foo/bar/b", "/foo/bar/e", "/foo/c", "/z"),
        keys(m.query(Query.builder().orders(Order.BY_KEY).build())));
  }

  @Test
  void syncFansOutAndJoinsErrors() {
    foo.syncError = new DatastoreIOException("disk gone");
    fooBar.syncError = new DatastoreIOException("also gone");
    DatastoreException e = assertThrows(DatastoreException.class, () -> m.sync(Key.of("/foo")));
    assertEquals("syncing datastore at /foo/bar: also gone\nsyncing datastore at /foo: disk gone", e.getMessage());
    assertEquals(List.of(Key.ROOT), foo.syncs);
    assertTrue(root.syncs.isEmpty());
  }

  @Test
  void syncPassesTheRestOfThePrefix() throws DatastoreException {
    m.sync(Key.of("/foo/x/y"));
    assertEquals(List.of(Key.of("/x/y")), foo.syncs);
    assertTrue(fooBar.syncs.isEmpty());
    m.sync(Key.ROOT);
    assertEquals(List.of(Key.ROOT), root.syncs);
    assertEquals(List.of(Key.ROOT), bar.syncs);
  }

  @Test
  void batchSpansMounts() throws DatastoreException {
    Batch b = m.batch();
    b.put(Key.of("/a"), new byte[] {1});
    b.put(Key.of("/foo/a"), new byte[] {2});
    b.put(Key.of("/foo/bar/a"), new byte[] {3});
    b.delete(Key.of("/foo/a"));
    assertFalse(m.has(Key.of("/a")));
    b.commit();
    assertTrue(root.has(Key.of("/a")));
    assertFalse(foo.has(Key.of("/a")));
    assertTrue(fooBar.has(Key.of("/a")));
  }

  @Test
  void closeAndDiskUsageFanOut() throws DatastoreException {
    MountDatastore n =
        new MountDatastore(List.of(new Mount(Key.of("/"), new NullDatastore()), new Mount(Key.of("/m"), new MapDatastore())));
    assertEquals(0, n.diskUsage());
    n.check();
    n.scrub();
    n.collectGarbage();
    n.close();
    assertThrows(org.jds.datastore.ClosedException.class, n::diskUsage);
  }
}
