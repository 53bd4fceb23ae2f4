package org.jds.datastore;

/** The store does not implement an optional feature (Go's {@code ErrBatchUnsupported} and kin). */
public class UnsupportedFeatureException extends DatastoreException {
  private static final long serialVersionUID = 1L;

  public static final String BATCH_UNSUPPORTED = "this datastore does not support batching";

  public UnsupportedFeatureException(String message) {
    super(message);
  }
}
