package org.jds.datastore;

import java.io.IOException;

/** The storage underneath the datastore failed (disk full, permissions, corruption, ...). */
public class DatastoreIOException extends DatastoreException {
  private static final long serialVersionUID = 1L;

  public DatastoreIOException(String message) {
    super(message);
  }

  public DatastoreIOException(String message, Throwable cause) {
    super(message, cause);
  }

  public DatastoreIOException(IOException cause) {
    super(String.valueOf(cause.getMessage()), cause);
  }
}
