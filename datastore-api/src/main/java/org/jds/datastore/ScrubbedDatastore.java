package org.jds.datastore;

/** A datastore that can scrub (verify and repair) its data (Go's {@code ScrubbedDatastore}). */
public interface ScrubbedDatastore extends Datastore, ScrubbedFeature {}
