package org.jds.datastore.wrap;

import java.util.ArrayList;
import java.util.List;
import org.jds.datastore.Batch;
import org.jds.datastore.BatchReader;
import org.jds.datastore.BatchViews;
import org.jds.datastore.Batching;
import org.jds.datastore.CheckedDatastore;
import org.jds.datastore.CloseState;
import org.jds.datastore.Datastore;
import org.jds.datastore.DatastoreException;
import org.jds.datastore.DiscardableBatch;
import org.jds.datastore.GCDatastore;
import org.jds.datastore.Key;
import org.jds.datastore.PersistentDatastore;
import org.jds.datastore.Read;
import org.jds.datastore.ScrubbedDatastore;
import org.jds.datastore.UnsupportedFeatureException;
import org.jds.datastore.query.Filter;
import org.jds.datastore.query.FilterKeyCompare;
import org.jds.datastore.query.FilterKeyPrefix;
import org.jds.datastore.query.FilterValueCompare;
import org.jds.datastore.query.NaiveQuery;
import org.jds.datastore.query.Order;
import org.jds.datastore.query.Query;
import org.jds.datastore.query.Result;
import org.jds.datastore.query.ResultIterator;
import org.jds.datastore.query.Results;

/**
 * Go's {@code keytransform.Datastore}: converts every key on the way in and inverts query result keys
 * on the way out. The prefix and key filters are pushed down with converted keys; key orders only
 * for a {@link PrefixTransform} (order-preserving); anything else, and then offset/limit, is applied
 * naively on top.
 *
 * <p>Thread-safe if the child and the transform are. Optional features (batching, disk usage,
 * check, scrub, GC) pass through to the child when it has them: batching without a batching child
 * throws {@link UnsupportedFeatureException}, the others do nothing (disk usage 0), as in Go. The
 * batch is a {@link BatchReader} (keys and queries transformed as here) and a {@link
 * DiscardableBatch} when the child's batch is.
 */
public class KeyTransformDatastore
    implements Batching, PersistentDatastore, CheckedDatastore, ScrubbedDatastore, GCDatastore {
  private final Datastore child;
  private final KeyTransform transform;
  private final CloseState closed = new CloseState();
  private final Read reads;

  public KeyTransformDatastore(Datastore child, KeyTransform transform) {
    this.child = child;
    this.transform = transform;
    this.reads = new TransformedRead(child);
  }

  public Datastore child() {
    return child;
  }

  public KeyTransform transform() {
    return transform;
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
  public void put(Key key, byte[] value) throws DatastoreException {
    closed.check();
    child.put(transform.convertKey(key), value);
  }

  @Override
  public void delete(Key key) throws DatastoreException {
    closed.check();
    child.delete(transform.convertKey(key));
  }

  @Override
  public void sync(Key prefix) throws DatastoreException {
    closed.check();
    child.sync(transform.convertKey(prefix));
  }

  @Override
  public void close() throws DatastoreException {
    if (closed.close()) {
      child.close();
    }
  }

  @Override
  public Results query(Query q) throws DatastoreException {
    return reads.query(q);
  }

  /**
   * Reads through a source in the child's key space (the child, or its batch when that is a {@link
   * BatchReader}), converting keys on the way in and inverting them on the way out.
   */
  private final class TransformedRead implements Read {
    private final Read source;

    TransformedRead(Read source) {
      this.source = source;
    }

    @Override
    public byte[] get(Key key) throws DatastoreException {
      closed.check();
      return source.get(transform.convertKey(key));
    }

    @Override
    public boolean has(Key key) throws DatastoreException {
      closed.check();
      return source.has(transform.convertKey(key));
    }

    @Override
    public int getSize(Key key) throws DatastoreException {
      closed.check();
      return source.getSize(transform.convertKey(key));
    }

    @Override
    public Results query(Query q) throws DatastoreException {
      closed.check();
      return queryThrough(source, q);
    }
  }

  private Results queryThrough(Read source, Query q) throws DatastoreException {
    Query.Builder naive = Query.builder();
    Query childQuery = splitQuery(q, naive);
    Results cr = source.query(childQuery);
    ResultIterator inverted =
        new ResultIterator() {
          @Override
          public Result next() {
            Result r = cr.next();
            if (r == null || r.isError()) {
              return r;
            }
            try {
              Key k = transform.invertKey(Key.raw(r.entry().key()));
              return Result.of(r.entry().withKey(k.toString()));
            } catch (DatastoreException e) {
              return Result.error(e);
            }
          }

          @Override
          public void close() {
            cr.close();
          }
        };
    Query nq = naive.build();
    return Results.replaceQuery(NaiveQuery.apply(nq, Results.fromIterator(nq, inverted)), q);
  }

  /** Go's {@code prepareQuery}: returns the child's query and fills {@code naive} with the rest. */
  private Query splitQuery(Query q, Query.Builder naive) {
    Query.Builder cq = q.toBuilder();
    cq.prefix(transform.convertKey(Key.of(q.prefix())).toString());

    boolean orderPreserving = transform instanceof PrefixTransform;
    List<Order> orders = q.orders();
    for (int i = 0; i < orders.size(); i++) {
      Order o = orders.get(i);
      if (o == Order.BY_VALUE || o == Order.BY_VALUE_DESCENDING) {
        continue; // independent of keys
      }
      if ((o == Order.BY_KEY || o == Order.BY_KEY_DESCENDING) && orderPreserving) {
        cq.orders(orders.subList(0, i + 1)); // keys are unique: later orders never matter
        break;
      }
      naive.orders(orders).offset(q.offset()).limit(q.limit());
      cq.orders(List.of()).offset(0).limit(0);
      break;
    }

    List<Filter> childFilters = new ArrayList<>();
    for (Filter f : q.filters()) {
      if (f instanceof FilterValueCompare) {
        childFilters.add(f);
      } else if (f instanceof FilterKeyCompare kc) {
        childFilters.add(new FilterKeyCompare(kc.op(), convert(kc.key())));
      } else if (f instanceof FilterKeyPrefix kp) {
        childFilters.add(new FilterKeyPrefix(convert(kp.prefix())));
      } else {
        naive.filters(q.filters()).offset(q.offset()).limit(q.limit());
        childFilters = List.of();
        cq.offset(0).limit(0);
        break;
      }
    }
    return cq.filters(childFilters).build();
  }

  private String convert(String key) {
    return transform.convertKey(Key.of(key)).toString();
  }

  @Override
  public Batch batch() throws DatastoreException {
    closed.check();
    if (!(child instanceof Batching b)) {
      throw new UnsupportedFeatureException(UnsupportedFeatureException.BATCH_UNSUPPORTED);
    }
    Batch cb = b.batch();
    Batch writes = new Batch() {
      @Override
      public void put(Key key, byte[] value) throws DatastoreException {
        cb.put(transform.convertKey(key), value);
      }

      @Override
      public void delete(Key key) throws DatastoreException {
        cb.delete(transform.convertKey(key));
      }

      @Override
      public void commit() throws DatastoreException {
        closed.check();
        cb.commit();
      }
    };
    return BatchViews.of(
        writes,
        cb instanceof BatchReader r ? new TransformedRead(r) : null,
        cb instanceof DiscardableBatch d ? d::discard : null);
  }

  @Override
  public long diskUsage() throws DatastoreException {
    closed.check();
    return PersistentDatastore.diskUsage(child);
  }

  @Override
  public void check() throws DatastoreException {
    closed.check();
    if (child instanceof CheckedDatastore c) {
      c.check();
    }
  }

  @Override
  public void scrub() throws DatastoreException {
    closed.check();
    if (child instanceof ScrubbedDatastore s) {
      s.scrub();
    }
  }

  @Override
  public void collectGarbage() throws DatastoreException {
    closed.check();
    if (child instanceof GCDatastore g) {
      g.collectGarbage();
    }
  }
}
