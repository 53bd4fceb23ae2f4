package org.jds.datastore;

/** A datastore that can group writes (Go's {@code Batching}). */
public interface Batching extends Datastore, BatchingFeature {}
