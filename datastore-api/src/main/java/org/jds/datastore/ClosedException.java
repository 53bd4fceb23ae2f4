package org.jds.datastore;

/** The store was closed; every operation after {@code close()} throws this. */
public class ClosedException extends DatastoreException {
  private static final long serialVersionUID = 1L;

  public static final String MESSAGE = "datastore closed";

  public ClosedException() {
    super(MESSAGE);
  }

  public ClosedException(String message) {
    super(message);
  }
}
