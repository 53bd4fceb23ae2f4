package org.jds.node.pin;

import org.jds.datastore.DatastoreException;

/** A pin operation kubo refuses (not pinned, already pinned recursively), or a corrupt pin record. */
public final class PinException extends DatastoreException {
  private static final long serialVersionUID = 1L;

  public PinException(String message) {
    super(message);
  }
}
