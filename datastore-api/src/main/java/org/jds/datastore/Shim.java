package org.jds.datastore;

import java.util.List;

/**
 * Go's {@code Shim}: a datastore that wraps others ({@code KeyTransformDatastore}, {@code Namespace},
 * {@code SyncDatastore}, {@code Scoped}, ...). Tools walk {@link #children()} to find the stores
 * underneath.
 */
public interface Shim extends Datastore {
  /** The wrapped stores, outermost first; never null. */
  List<Datastore> children();
}
