package org.jds.datastore.wrap;

import org.jds.datastore.Batch;
import org.jds.datastore.DatastoreException;
import org.jds.datastore.Key;

/** A child's batch whose operations go through an {@link InterceptingDatastore}'s hook. */
final class InterceptedBatch implements Batch {
  private final InterceptingDatastore owner;
  private final Batch child;

  InterceptedBatch(InterceptingDatastore owner, Batch child) {
    this.owner = owner;
    this.child = child;
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
