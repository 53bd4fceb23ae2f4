package org.jds.datastore;

/** A datastore that lives on disk and can say how much space it uses (Go's {@code PersistentDatastore}). */
public interface PersistentDatastore extends Datastore, PersistentFeature {
  /** Go's {@code DiskUsage(ctx, d)}: 0 for a store that is not persistent. */
  static long diskUsage(Datastore d) throws DatastoreException {
    return d instanceof PersistentDatastore ? ((PersistentDatastore) d).diskUsage() : 0L;
  }
}
