package org.jds.datastore.wrap;

import org.jds.datastore.Batch;
import org.jds.datastore.BatchReader;
import org.jds.datastore.BatchViews;
import org.jds.datastore.DatastoreException;
import org.jds.datastore.DiscardableBatch;
import org.jds.datastore.Key;
import org.jds.datastore.Read;
import org.jds.datastore.query.Query;
import org.jds.datastore.query.Results;

/**
 * A child's batch whose operations go through an {@link InterceptingDatastore}'s hook. It is a
 * {@link BatchReader} ({@link DatastoreOp#BATCH_GET} and kin) and a {@link DiscardableBatch}
 * ({@link DatastoreOp#BATCH_DISCARD}) when the child's batch is.
 */
final class InterceptedBatch implements Batch {
  private final InterceptingDatastore owner;
  private final Batch child;

  private InterceptedBatch(InterceptingDatastore owner, Batch child) {
    this.owner = owner;
    this.child = child;
  }

  static Batch wrap(InterceptingDatastore owner, Batch child) {
    return BatchViews.of(
        new InterceptedBatch(owner, child),
        child instanceof BatchReader r ? reads(owner, r) : null,
        child instanceof DiscardableBatch d
            ? () -> owner.run(Invocation.of(DatastoreOp.BATCH_DISCARD), () -> {
              d.discard();
              return null;
            })
            : null);
  }

  private static Read reads(InterceptingDatastore owner, BatchReader r) {
    return new Read() {
      @Override
      public byte[] get(Key key) throws DatastoreException {
        return owner.run(Invocation.of(DatastoreOp.BATCH_GET, key), () -> r.get(key));
      }

      @Override
      public boolean has(Key key) throws DatastoreException {
        return owner.run(Invocation.of(DatastoreOp.BATCH_HAS, key), () -> r.has(key));
      }

      @Override
      public int getSize(Key key) throws DatastoreException {
        return owner.run(Invocation.of(DatastoreOp.BATCH_GET_SIZE, key), () -> r.getSize(key));
      }

      @Override
      public Results query(Query q) throws DatastoreException {
        return owner.run(new Invocation(DatastoreOp.BATCH_QUERY, null, q, null), () -> r.query(q));
      }
    };
  }

  @Override
  public void put(Key key, byte[] value) throws DatastoreException {
    owner.run(new Invocation(DatastoreOp.BATCH_PUT, key, null, value), () -> {
      child.put(key, value);
      return null;
    });
  }

  @Override
  public void delete(Key key) throws DatastoreException {
    owner.run(Invocation.of(DatastoreOp.BATCH_DELETE, key), () -> {
      child.delete(key);
      return null;
    });
  }

  /** @throws org.jds.datastore.ClosedException once the owner is closed */
  @Override
  public void commit() throws DatastoreException {
    owner.run(Invocation.of(DatastoreOp.BATCH_COMMIT), () -> {
      child.commit();
      return null;
    });
  }
}
