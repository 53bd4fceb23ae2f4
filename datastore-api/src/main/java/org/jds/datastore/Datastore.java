package org.jds.datastore;

/**
 * A key-value store with hierarchical keys: go-datastore's {@code Datastore}.
 *
 * <p>Every implementation in this project is safe for concurrent use unless its Javadoc says
 * otherwise. After {@link #close()} every method throws {@link ClosedException}.
 */
public interface Datastore extends Read, Write, AutoCloseable {
  /** Makes every write to a key at or below {@code prefix} durable before returning. */
  void sync(Key prefix) throws DatastoreException;

  /** Releases resources. Closing twice is harmless. */
  @Override
  void close() throws DatastoreException;
}
