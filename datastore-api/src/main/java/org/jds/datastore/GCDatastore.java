package org.jds.datastore;

/** A datastore that can collect garbage (Go's {@code GCDatastore}). */
public interface GCDatastore extends Datastore, GCFeature {}
