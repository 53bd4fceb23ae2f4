package org.jds.datastore.wrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.jds.datastore.BatchUnsupportedException;
import org.jds.datastore.Datastore;
import org.jds.datastore.DatastoreException;
import org.jds.datastore.DatastoreIOException;
import org.jds.datastore.Errors;
import org.jds.datastore.InvalidKeyException;
import org.jds.datastore.Key;
import org.jds.datastore.MapDatastore;
import org.jds.datastore.NotFoundException;
import org.junit.jupiter.api.Test;

/**
 * A not-found that a store reports wrapped (as the cause of another exception) stays recognisable
 * through every wrapper, and the sentinels keep their identity through them.
 */
class WrappedErrorsTest {
  /** A store whose every read fails with a not-found wrapped in an I/O error, as a remote store might. */
  private static Datastore wrappingStore() {
    return new Failstore(new MapDatastore(), op -> {
      if (!op.equals("put") && !op.equals("delete")) {
        throw new DatastoreIOException("remote: " + op, NotFoundException.INSTANCE);
      }
    });
  }

  private static List<Datastore> wrappers(Datastore child) {
    return List.of(
        child,
        Namespace.wrap(child, Key.of("/ns")),
        new KeyTransformDatastore(child, KeyTransform.pair(k -> k, k -> k)),
        new SyncDatastore(child),
        new Failstore(child, op -> {}),
        new MountDatastore(List.of(new Mount(Key.ROOT, child))),
        new MountDatastore(List.of(new Mount(Key.of("/m"), child), new Mount(Key.ROOT, new MapDatastore()))),
        Namespace.wrap(new SyncDatastore(new MountDatastore(List.of(new Mount(Key.ROOT, child)))), Key.of("/deep")));
  }

  @Test
  void wrappedNotFoundStaysNotFoundThroughEveryWrapper() {
    for (Datastore ds : wrappers(wrappingStore())) {
      Key k = Key.of("/m/x");
      DatastoreException get = assertThrows(DatastoreException.class, () -> ds.get(k), ds.getClass().getName());
      assertTrue(get.isNotFound(), ds.getClass().getName() + ": " + get);
      assertTrue(Errors.isNotFound(get));
      DatastoreException size = assertThrows(DatastoreException.class, () -> ds.getSize(k));
      assertTrue(size.isNotFound(), ds.getClass().getName() + ": " + size);
    }
  }

  @Test
  void mountFanOutKeepsANotFoundItJoins() {
    Datastore failing = new Failstore(new MapDatastore(), op -> {
      throw new DatastoreIOException("sync failed", NotFoundException.INSTANCE);
    });
    MountDatastore m = new MountDatastore(List.of(new Mount(Key.of("/a"), failing), new Mount(Key.ROOT, new MapDatastore())));
    DatastoreException e = assertThrows(DatastoreException.class, () -> m.sync(Key.ROOT));
    assertEquals("syncing datastore at /a: sync failed", e.getMessage());
    assertTrue(e.isNotFound());
  }

  @Test
  void noMountIsOneInstanceThroughWrappers() {
    MountDatastore only = new MountDatastore(List.of(new Mount(Key.of("/x"), new MapDatastore())));
    for (Datastore ds : List.of(only, new SyncDatastore(only), new Failstore(only, op -> {}))) {
      DatastoreException e = assertThrows(DatastoreException.class, () -> ds.put(Key.of("/y"), new byte[] {1}));
      assertSame(NoMountException.INSTANCE, e);
      assertTrue(e instanceof InvalidKeyException);
      assertEquals(MountDatastore.NO_MOUNT, e.getMessage());
    }
    Datastore ns = Namespace.wrap(new MountDatastore(List.of(new Mount(Key.of("/ns/x"), new MapDatastore()))), Key.of("/ns"));
    assertTrue(Errors.is(assertThrows(DatastoreException.class, () -> ns.put(Key.of("/y"), new byte[] {1})), NoMountException.class));
  }

  @Test
  void batchUnsupportedIsOneInstanceThroughWrappers() {
    Datastore plain = new NonBatching(new MapDatastore());
    List<Datastore> ds = List.of(
        Namespace.wrap(plain, Key.of("/ns")), new SyncDatastore(plain), new Failstore(plain, op -> {}));
    for (Datastore d : ds) {
      assertSame(BatchUnsupportedException.INSTANCE,
          assertThrows(DatastoreException.class, () -> ((org.jds.datastore.Batching) d).batch()), d.getClass().getName());
    }
    MountDatastore m = new MountDatastore(List.of(new Mount(Key.of("/p"), plain)));
    DatastoreException e = assertThrows(DatastoreException.class, () -> m.batch().put(Key.of("/p/k"), new byte[] {1}));
    assertSame(BatchUnsupportedException.INSTANCE, e);
  }
}
