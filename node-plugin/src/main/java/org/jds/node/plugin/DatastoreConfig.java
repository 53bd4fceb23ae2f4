package org.jds.node.plugin;

import org.jds.datastore.Datastore;
import org.jds.datastore.DatastoreException;

/** A parsed {@code Datastore.Spec} node: Kubo's {@code fsrepo.DatastoreConfig}. Immutable. */
public interface DatastoreConfig {
  /**
   * The characteristic fields recorded in {@code datastore_spec}: those whose change makes the data
   * on disk unusable (type, path, shard function), never runtime options (sync, compression).
   *
   * @return the disk spec, or null for a store that keeps nothing on disk ({@code mem})
   */
  DiskSpec diskSpec();

  /**
   * Opens the datastore, creating it if absent. The caller owns (and closes) the result.
   *
   * @throws DatastoreException if it cannot be opened or created
   */
  Datastore create(OpenContext ctx) throws DatastoreException;
}
