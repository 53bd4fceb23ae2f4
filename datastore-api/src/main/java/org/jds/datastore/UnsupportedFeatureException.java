package org.jds.datastore;

/**
 * The store does not implement an optional feature. Missing batching is the dedicated {@link
 * BatchUnsupportedException} (Go's {@code ErrBatchUnsupported}).
 */
public class UnsupportedFeatureException extends DatastoreException {
  private static final long serialVersionUID = 1L;

  /** Go's {@code ErrBatchUnsupported} text; thrown as {@link BatchUnsupportedException#INSTANCE}. */
  public static final String BATCH_UNSUPPORTED = "this datastore does not support batching";

  public UnsupportedFeatureException(String message) {
    super(message);
  }

  /** For shared, stackless subclasses. */
  protected UnsupportedFeatureException(String message, boolean writableStackTrace) {
    super(message, null, writableStackTrace);
  }
}
