package org.jds.datastore;

/** A transaction: reads and writes that commit together or not at all. */
public interface Txn extends Read, Write {
  void commit() throws DatastoreException;

  /** Throws away the transaction's writes. */
  void discard();
}
