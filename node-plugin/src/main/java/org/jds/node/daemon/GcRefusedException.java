package org.jds.node.daemon;

import org.jds.datastore.DatastoreException;

/** GC was not run because the repo's blocks live in a store other nodes may share ({@link SharedStores}). */
public final class GcRefusedException extends DatastoreException {
  private static final long serialVersionUID = 1L;

  public GcRefusedException(String message) {
    super(message);
  }
}
