package org.jds.datastore.wrap;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jds.datastore.Batch;
import org.jds.datastore.BatchReader;
import org.jds.datastore.BatchUnsupportedException;
import org.jds.datastore.Batching;
import org.jds.datastore.Bytewise;
import org.jds.datastore.CheckedDatastore;
import org.jds.datastore.CloseState;
import org.jds.datastore.DatastoreException;
import org.jds.datastore.DiscardableBatch;
import org.jds.datastore.Errors;
import org.jds.datastore.GCDatastore;
import org.jds.datastore.Key;
import org.jds.datastore.NotFoundException;
import org.jds.datastore.PersistentDatastore;
import org.jds.datastore.Read;
import org.jds.datastore.ScrubbedDatastore;
import org.jds.datastore.UnsupportedFeatureException;
import org.jds.datastore.query.Filter;
import org.jds.datastore.query.NaiveQuery;
import org.jds.datastore.query.Query;
import org.jds.datastore.query.ResultIterator;
import org.jds.datastore.query.Results;

/**
 * Go's {@code mount.Datastore}: child stores mounted at key prefixes. A key goes to the mount with
 * the longest prefix that is a strict ancestor of it (a key equal to a mount point goes to the
 * parent mount), with that prefix stripped. Without a mount, put fails with {@link
 * NoMountException#INSTANCE} (Go's {@code ErrNoMount}),
 * get/getSize throw {@link NotFoundException}, has is false and delete succeeds.
 *
 * <p>Queries fan out to every mount that may hold matching keys, each with the remaining prefix,
 * and are merged in query order; filters, offset and limit are applied naively on top. Sync, close,
 * disk usage, check, scrub and GC fan out and join the errors with Go's prefixes.
 *
 * <p>Thread-safe if the children are (the mount table is immutable).
 */
public final class MountDatastore
    implements Batching, PersistentDatastore, CheckedDatastore, ScrubbedDatastore, GCDatastore {
  /** Go's {@code mount.ErrNoMount} text; thrown as {@link NoMountException#INSTANCE}. */
  public static final String NO_MOUNT = "no datastore mounted for this key";

  private final List<Mount> mounts;
  private final CloseState closed = new CloseState();
  private final Read reads = new RoutedRead(Mount::datastore);

  /** Mounts are tried in descending prefix order, so deeper mounts win. */
  public MountDatastore(List<Mount> mounts) {
    List<Mount> m = new ArrayList<>(mounts);
    m.sort((a, b) -> Bytewise.compare(b.prefix().toString(), a.prefix().toString()));
    this.mounts = List.copyOf(m);
  }

  public List<Mount> mounts() {
    return mounts;
  }

  private record Route(Mount mount, Key rest) {}

  /** The mount for {@code key} and the key inside it, or null. */
  private Route lookup(Key key) {
    for (Mount m : mounts) {
      if (m.prefix().isAncestorOf(key)) {
        return new Route(m, Key.of(key.toString().substring(m.prefix().toString().length())));
      }
    }
    return null;
  }

  /**
   * Every mount that may hold strict descendants of {@code key}, with the prefix to use inside it:
   * mounts below {@code key} get {@code /}; the first mount at or above it gets the rest of the key,
   * and the search stops there (more general mounts cannot hold such keys).
   */
  private List<Route> lookupAll(Key key) {
    List<Route> out = new ArrayList<>();
    for (Mount m : mounts) {
      if (m.prefix().isDescendantOf(key)) {
        out.add(new Route(m, Key.ROOT));
      } else if (m.prefix().equals(key) || m.prefix().isAncestorOf(key)) {
        out.add(new Route(m, Key.of(key.toString().substring(m.prefix().toString().length()))));
        break;
      }
    }
    return out;
  }

  @Override
  public void put(Key key, byte[] value) throws DatastoreException {
    closed.check();
    Route r = lookup(key);
    if (r == null) {
      throw NoMountException.INSTANCE;
    }
    r.mount.datastore().put(r.rest, value);
  }

  @Override
  public byte[] get(Key key) throws DatastoreException {
    return reads.get(key);
  }

  @Override
  public boolean has(Key key) throws DatastoreException {
    return reads.has(key);
  }

  @Override
  public int getSize(Key key) throws DatastoreException {
    return reads.getSize(key);
  }

  @Override
  public void delete(Key key) throws DatastoreException {
    closed.check();
    Route r = lookup(key);
    if (r != null) {
      r.mount.datastore().delete(r.rest);
    }
  }

  @Override
  public Results query(Query master) throws DatastoreException {
    return reads.query(master);
  }

  /** Where reads go in each mount: its datastore, or (in a batch) the mount's batch. */
  @FunctionalInterface
  private interface MountReads {
    Read of(Mount m) throws DatastoreException;
  }

  /** Reads routed to the mounts, each mount read through {@code source}. */
  private final class RoutedRead implements Read {
    private final MountReads source;

    RoutedRead(MountReads source) {
      this.source = source;
    }

    @Override
    public byte[] get(Key key) throws DatastoreException {
      closed.check();
      Route r = lookup(key);
      if (r == null) {
        throw NotFoundException.INSTANCE;
      }
      return source.of(r.mount).get(r.rest);
    }

    @Override
    public boolean has(Key key) throws DatastoreException {
      closed.check();
      Route r = lookup(key);
      return r != null && source.of(r.mount).has(r.rest);
    }

    @Override
    public int getSize(Key key) throws DatastoreException {
      closed.check();
      Route r = lookup(key);
      if (r == null) {
        throw NotFoundException.INSTANCE;
      }
      return source.of(r.mount).getSize(r.rest);
    }

    @Override
    public Results query(Query q) throws DatastoreException {
      closed.check();
      return queryThrough(q, source);
    }
  }

  private Results queryThrough(Query master, MountReads source) throws DatastoreException {
    Query childQuery =
        Query.builder()
            .prefix(master.prefix())
            .orders(master.orders())
            .keysOnly(master.keysOnly())
            .returnExpirations(master.returnExpirations())
            .returnsSizes(master.returnsSizes())
            .deadline(master.deadline())
            .build();
    List<MountMerge.Head> heads = new ArrayList<>();
    for (Route r : lookupAll(Key.of(master.prefix()))) {
      try {
        Results res = source.of(r.mount).query(childQuery.toBuilder().prefix(r.rest.toString()).build());
        heads.add(new MountMerge.Head(r.mount.prefix(), res));
      } catch (DatastoreException e) {
        heads.forEach(h -> h.close());
        throw e;
      }
    }
    ResultIterator it = new MountMerge(master.orders(), heads, master.deadline());
    for (Filter f : master.filters()) {
      it = NaiveQuery.filter(it, f);
    }
    if (master.offset() > 0) {
      it = NaiveQuery.offset(it, master.offset());
    }
    if (master.limit() > 0) {
      it = NaiveQuery.limit(it, master.limit());
    }
    return Results.fromIterator(master, it);
  }

  @FunctionalInterface
  private interface Op<T> {
    T apply(Mount m) throws DatastoreException;
  }

  /** Runs {@code op} on each mount, collecting errors as {@code "<what> at <prefix>: <err>"}. */
  private <T> List<T> fanOut(List<Mount> targets, String what, Op<T> op) throws DatastoreException {
    List<T> out = new ArrayList<>();
    List<DatastoreException> errs = new ArrayList<>();
    for (Mount m : targets) {
      try {
        out.add(op.apply(m));
      } catch (DatastoreException e) {
        errs.add(Errors.wrap(what + " at " + m.prefix() + ": ", e));
      }
    }
    DatastoreException joined = Errors.join(errs);
    if (joined != null) {
      throw joined;
    }
    return out;
  }

  @Override
  public void sync(Key prefix) throws DatastoreException {
    closed.check();
    List<DatastoreException> errs = new ArrayList<>();
    for (Route r : lookupAll(prefix)) {
      try {
        r.mount.datastore().sync(r.rest);
      } catch (DatastoreException e) {
        errs.add(Errors.wrap("syncing datastore at " + r.mount.prefix() + ": ", e));
      }
    }
    DatastoreException joined = Errors.join(errs);
    if (joined != null) {
      throw joined;
    }
  }

  @Override
  public void close() throws DatastoreException {
    if (closed.close()) {
      fanOut(mounts, "closing datastore", m -> {
        m.datastore().close();
        return null;
      });
    }
  }

  @Override
  public long diskUsage() throws DatastoreException {
    closed.check();
    long total = 0;
    for (long du : fanOut(mounts, "getting disk usage", m -> PersistentDatastore.diskUsage(m.datastore()))) {
      total += du;
    }
    return total;
  }

  @Override
  public void check() throws DatastoreException {
    closed.check();
    fanOut(mounts, "checking datastore", m -> {
      if (m.datastore() instanceof CheckedDatastore c) {
        c.check();
      }
      return null;
    });
  }

  @Override
  public void scrub() throws DatastoreException {
    closed.check();
    fanOut(mounts, "scrubbing datastore", m -> {
      if (m.datastore() instanceof ScrubbedDatastore s) {
        s.scrub();
      }
      return null;
    });
  }

  @Override
  public void collectGarbage() throws DatastoreException {
    closed.check();
    fanOut(mounts, "gc on datastore", m -> {
      if (m.datastore() instanceof GCDatastore g) {
        g.collectGarbage();
      }
      return null;
    });
  }

  @Override
  public Batch batch() throws DatastoreException {
    closed.check();
    return new MountBatch();
  }

  /**
   * One child batch per mount, created on first use. Thread-safe (synchronized).
   *
   * <p>Always a {@link BatchReader} and a {@link DiscardableBatch}, since its child batches are
   * opened later: a read of a key goes to its mount's batch if one was opened (which must then be a
   * {@link BatchReader}, else {@link UnsupportedFeatureException}), otherwise to the mounted store;
   * a query merges those sources as {@link MountDatastore#query} does. Discard discards each opened child batch
   * that is a {@link DiscardableBatch} and drops the others uncommitted.
   */
  private final class MountBatch implements DiscardableBatch, BatchReader {
    private final Map<Key, Batch> batches = new HashMap<>();
    private final List<Mount> order = new ArrayList<>();
    private final Read staged = new RoutedRead(this::readerFor);

    /** Go quirk: a key outside every mount fails with the batch-unsupported error, even on delete. */
    private synchronized Batch batchFor(Route r) throws DatastoreException {
      if (r == null) {
        throw BatchUnsupportedException.INSTANCE;
      }
      Mount m = r.mount;
      Batch b = batches.get(m.prefix());
      if (b == null) {
        if (!(m.datastore() instanceof Batching bd)) {
          throw BatchUnsupportedException.INSTANCE;
        }
        b = bd.batch();
        batches.put(m.prefix(), b);
        order.add(m);
      }
      return b;
    }

    @Override
    public void put(Key key, byte[] value) throws DatastoreException {
      closed.check();
      Route r = lookup(key);
      batchFor(r).put(r.rest, value);
    }

    @Override
    public void delete(Key key) throws DatastoreException {
      closed.check();
      Route r = lookup(key);
      batchFor(r).delete(r.rest);
    }

    @Override
    public synchronized void commit() throws DatastoreException {
      closed.check();
      fanOut(order, "committing batch to datastore", m -> {
        batches.get(m.prefix()).commit();
        return null;
      });
    }

    @Override
    public synchronized void discard() throws DatastoreException {
      List<Mount> opened = new ArrayList<>(order);
      Map<Key, Batch> held = new HashMap<>(batches);
      order.clear();
      batches.clear();
      fanOut(opened, "discarding batch at", m -> {
        if (held.get(m.prefix()) instanceof DiscardableBatch d) {
          d.discard();
        }
        return null;
      });
    }

    /** The mount's opened batch (which must be readable), else the mounted store. */
    private Read readerFor(Mount m) throws DatastoreException {
      Batch b;
      synchronized (this) {
        b = batches.get(m.prefix());
      }
      if (b == null) {
        return m.datastore();
      }
      if (b instanceof BatchReader r) {
        return r;
      }
      throw new UnsupportedFeatureException("the batch of the datastore at " + m.prefix() + " cannot be read");
    }

    @Override
    public byte[] get(Key key) throws DatastoreException {
      return staged.get(key);
    }

    @Override
    public boolean has(Key key) throws DatastoreException {
      return staged.has(key);
    }

    @Override
    public int getSize(Key key) throws DatastoreException {
      return staged.getSize(key);
    }

    @Override
    public Results query(Query q) throws DatastoreException {
      return staged.query(q);
    }
  }
}
