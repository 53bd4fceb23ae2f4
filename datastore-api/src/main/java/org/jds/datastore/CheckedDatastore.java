package org.jds.datastore;

/** A datastore that can check its own integrity (Go's {@code CheckedDatastore}). */
public interface CheckedDatastore extends Datastore, CheckedFeature {}
