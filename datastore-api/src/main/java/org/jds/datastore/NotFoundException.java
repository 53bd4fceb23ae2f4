package org.jds.datastore;

/**
 * The key is not in the store: Go's {@code ErrNotFound}, message {@code datastore: key not found}.
 *
 * <p>Cheap by design: {@link #INSTANCE} is shared and carries no stack trace, so stores throw it on
 * the hot path without allocating. Compare with {@link DatastoreException#isNotFound()}.
 */
public final class NotFoundException extends DatastoreException {
  private static final long serialVersionUID = 1L;

  public static final String MESSAGE = "datastore: key not found";

  /** The shared instance every store throws. */
  public static final NotFoundException INSTANCE = new NotFoundException();

  private NotFoundException() {
    super(MESSAGE, null, false);
  }

  @Override
  public boolean isNotFound() {
    return true;
  }
}
