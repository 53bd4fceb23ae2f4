package org.jds.datastore;

/** A datastore with transactions. */
public interface TxnDatastore extends Datastore {
  Txn newTransaction(boolean readOnly) throws DatastoreException;
}
