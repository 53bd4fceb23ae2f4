package org.jds.node.transfer;

import org.jds.datastore.DatastoreException;

/** The import source is corrupt or truncated (e.g. a CAR cut short): the import stops there. */
public class CorruptSourceException extends DatastoreException {
  private static final long serialVersionUID = 1L;

  public CorruptSourceException(String message, Throwable cause) {
    super(message, cause);
  }
}
