package org.jds.datastore;

/** Go's {@code TxnFeature}; {@link TxnDatastore} is the datastore with it. */
public interface TxnFeature {
  /** A new transaction; a read-only one refuses writes. */
  Txn newTransaction(boolean readOnly) throws DatastoreException;
}
