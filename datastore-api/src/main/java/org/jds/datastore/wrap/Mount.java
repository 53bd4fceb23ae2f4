package org.jds.datastore.wrap;

import org.jds.datastore.Datastore;
import org.jds.datastore.Key;

/** One mount point of a {@link MountDatastore}: keys strictly below {@code prefix} go to the store. */
public record Mount(Key prefix, Datastore datastore) {}
