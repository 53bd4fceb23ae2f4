package org.jds.datastore.query;

/**
 * The pull side of a result stream (go-datastore's {@code query.Iterator}). One consumer calls
 * {@link #next()}; {@link #close()} may come from any thread, also while {@code next()} runs (Go's
 * {@code Results.Close}, which cancels the query's context): a running {@code next()} then returns
 * promptly and resources are released once, never while {@code next()} still uses them. {@link
 * CancellableIterator} implements that protocol; iterators that only delegate to another iterator
 * get it from their upstream.
 */
public interface ResultIterator {
  /** The next result, or null when exhausted or closed. Errors are returned as error results, not thrown. */
  Result next();

  /** Stops the stream and releases resources; any thread, more than once. */
  void close();
}
