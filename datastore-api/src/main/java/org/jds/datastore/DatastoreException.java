package org.jds.datastore;

/**
 * Root of the one checked-exception hierarchy every datastore in this project uses.
 *
 * <ul>
 *   <li>{@link NotFoundException}: the key does not exist (a distinct, cheap case);
 *   <li>{@link InvalidKeyException}: the key (or other input) is not acceptable to the store;
 *   <li>{@link ClosedException}: the store was closed;
 *   <li>{@link DatastoreIOException}: the storage underneath failed;
 *   <li>{@link UnsupportedFeatureException}: the store lacks an optional feature ({@link
 *       BatchUnsupportedException}: Go's {@code ErrBatchUnsupported});
 *   <li>{@link CancelledException}: the query was closed before its end, or ({@link
 *       DeadlineExceededException}) its deadline passed.
 * </ul>
 *
 * <p>Wrapping keeps identity: a wrapper that rethrows a child's failure keeps it as the cause, and
 * {@link Errors#is} / {@link #isNotFound()} look through causes, as Go's {@code errors.Is} does.
 *
 * <p>No datastore method throws an unchecked exception for bad input or I/O trouble (go-datastore:
 * "no Datastore should ever panic").
 */
public class DatastoreException extends Exception {
  private static final long serialVersionUID = 1L;

  public DatastoreException(String message) {
    super(message);
  }

  public DatastoreException(String message, Throwable cause) {
    super(message, cause);
  }

  /** For cheap, stackless subclasses. */
  protected DatastoreException(String message, Throwable cause, boolean writableStackTrace) {
    super(message, cause, false, writableStackTrace);
  }

  /**
   * True when this is, wraps (as a cause) or joins a {@link NotFoundException}: Go's {@code
   * IsNotFound}, which is {@code errors.Is(err, ErrNotFound)}. See {@link Errors#isNotFound}.
   */
  public boolean isNotFound() {
    return Errors.isNotFound(this);
  }
}
