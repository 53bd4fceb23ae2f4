package org.jds.datastore;

/** A datastore with transactions (Go's {@code TxnDatastore}). */
public interface TxnDatastore extends Datastore, TxnFeature {}
