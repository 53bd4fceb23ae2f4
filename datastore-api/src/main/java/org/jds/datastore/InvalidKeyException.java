package org.jds.datastore;

/** The key, or another argument, is not acceptable: a malformed raw key, a key a store cannot hold. */
public class InvalidKeyException extends DatastoreException {
  private static final long serialVersionUID = 1L;

  public InvalidKeyException(String message) {
    super(message);
  }

  /** For shared, stackless subclasses. */
  protected InvalidKeyException(String message, boolean writableStackTrace) {
    super(message, null, writableStackTrace);
  }
}
