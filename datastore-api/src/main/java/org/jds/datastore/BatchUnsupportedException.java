package org.jds.datastore;

/**
 * Go's {@code ErrBatchUnsupported} ({@code this datastore does not support batching}) with a stable
 * identity: every store and wrapper here throws the shared, stackless {@link #INSTANCE}. Test for it
 * with {@code Errors.is(e, BatchUnsupportedException.class)} (Go's {@code errors.Is}), which also
 * finds it as the cause of a wrapping exception.
 */
public final class BatchUnsupportedException extends UnsupportedFeatureException {
  private static final long serialVersionUID = 1L;

  /** The shared instance every store and wrapper throws. */
  public static final BatchUnsupportedException INSTANCE = new BatchUnsupportedException();

  private BatchUnsupportedException() {
    super(BATCH_UNSUPPORTED, false);
  }
}
