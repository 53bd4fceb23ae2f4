package org.jds.datastore;

import org.jds.datastore.query.Query;
import org.jds.datastore.query.Results;

/** The read half of a datastore (go-datastore's {@code Read}). */
public interface Read {
  /**
   * The value stored under {@code key}.
   *
   * @throws NotFoundException if the key is absent ({@link NotFoundException#INSTANCE})
   */
  byte[] get(Key key) throws DatastoreException;

  /** Whether {@code key} is present. Absence is {@code false}, never an exception. */
  boolean has(Key key) throws DatastoreException;

  /**
   * The size in bytes of the value under {@code key}. Go returns -1 with {@code ErrNotFound}; here
   * the not-found case throws {@link NotFoundException}.
   */
  int getSize(Key key) throws DatastoreException;

  /**
   * Runs a query. The caller must close the results. Go's {@code ctx}: closing the results from any
   * thread cancels the query, and {@link Query#deadline()} bounds it (see {@link Results}).
   *
   * @throws DeadlineExceededException if the deadline passed before the results exist (a store that
   *     runs the query inside this call)
   */
  Results query(Query q) throws DatastoreException;
}
