package org.jds.datastore;

import java.time.Duration;
import java.time.Instant;

/** A datastore whose entries can expire. */
public interface TTLDatastore extends Datastore {
  void putWithTTL(Key key, byte[] value, Duration ttl) throws DatastoreException;

  void setTTL(Key key, Duration ttl) throws DatastoreException;

  /** When {@code key} expires, or null if it never does; {@link NotFoundException} if absent. */
  Instant getExpiration(Key key) throws DatastoreException;
}
