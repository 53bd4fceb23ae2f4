package org.jds.datastore;

import java.util.Objects;
import org.jds.datastore.query.Query;
import org.jds.datastore.query.Results;

/**
 * Builds a wrapper's batch that is a {@link BatchReader} and/or a {@link DiscardableBatch} exactly
 * when the wrapped batch is: Go's wrappers pass these optional interfaces through by type assertion;
 * here {@code instanceof} on the returned batch tells the truth.
 */
public final class BatchViews {
  private BatchViews() {}

  /** The wrapper's discard (usually the child's, behind its own checks). */
  @FunctionalInterface
  public interface Discarder {
    void discard() throws DatastoreException;
  }

  /**
   * A batch that writes through {@code writes} and, when non-null, reads through {@code reads} and
   * discards through {@code discard}. Pass {@code reads} only when the child batch is a {@link
   * BatchReader}, {@code discard} only when it is a {@link DiscardableBatch}. Thread-safe if the
   * parts are.
   */
  public static Batch of(Batch writes, Read reads, Discarder discard) {
    Objects.requireNonNull(writes, "writes");
    if (reads == null && discard == null) {
      return writes;
    }
    if (discard == null) {
      return new Reading(writes, reads, null);
    }
    if (reads == null) {
      return new Discarding(writes, null, discard);
    }
    return new Full(writes, reads, discard);
  }

  /** The three parts; the subclasses only declare which optional interfaces hold. */
  private abstract static class Composed implements Batch {
    private final Batch writes;
    private final Read reads;
    private final Discarder discarder;

    Composed(Batch writes, Read reads, Discarder discarder) {
      this.writes = writes;
      this.reads = reads;
      this.discarder = discarder;
    }

    @Override
    public void put(Key key, byte[] value) throws DatastoreException {
      writes.put(key, value);
    }

    @Override
    public void delete(Key key) throws DatastoreException {
      writes.delete(key);
    }

    @Override
    public void commit() throws DatastoreException {
      writes.commit();
    }

    public byte[] get(Key key) throws DatastoreException {
      return reads.get(key);
    }

    public boolean has(Key key) throws DatastoreException {
      return reads.has(key);
    }

    public int getSize(Key key) throws DatastoreException {
      return reads.getSize(key);
    }

    public Results query(Query q) throws DatastoreException {
      return reads.query(q);
    }

    public void discard() throws DatastoreException {
      discarder.discard();
    }
  }

  private static final class Reading extends Composed implements BatchReader {
    Reading(Batch w, Read r, Discarder d) {
      super(w, r, d);
    }
  }

  private static final class Discarding extends Composed implements DiscardableBatch {
    Discarding(Batch w, Read r, Discarder d) {
      super(w, r, d);
    }
  }

  private static final class Full extends Composed implements BatchReader, DiscardableBatch {
    Full(Batch w, Read r, Discarder d) {
      super(w, r, d);
    }
  }
}
