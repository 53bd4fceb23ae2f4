package org.jds.datastore;

/** A datastore whose entries can expire (Go's {@code TTLDatastore}). */
public interface TTLDatastore extends Datastore, TTL {}
