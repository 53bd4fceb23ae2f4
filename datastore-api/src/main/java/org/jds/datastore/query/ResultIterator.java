package org.jds.datastore.query;

/**
 * The pull side of a result stream (go-datastore's {@code query.Iterator}). Implementations need not
 * be thread-safe: one consumer pulls.
 */
public interface ResultIterator {
  /** The next result, or null when exhausted. Errors are returned as error results, not thrown. */
  Result next();

  /** Releases resources; may be called more than once. */
  void close();
}
