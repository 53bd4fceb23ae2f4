package org.jds.datastore.wrap;

import org.jds.datastore.Datastore;
import org.jds.datastore.ForwardingDatastore;

/** Hides every optional feature of a store. */
final class NonBatching extends ForwardingDatastore {
  private final Datastore d;

  NonBatching(Datastore d) {
    this.d = d;
  }

  @Override
  protected Datastore delegate() {
    return d;
  }
}
