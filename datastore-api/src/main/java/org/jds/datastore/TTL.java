package org.jds.datastore;

import java.time.Duration;
import java.time.Instant;

/** Go's {@code TTL} feature: entries with a time to live; {@link TTLDatastore} is the datastore with it. */
public interface TTL {
  void putWithTTL(Key key, byte[] value, Duration ttl) throws DatastoreException;

  void setTTL(Key key, Duration ttl) throws DatastoreException;

  /** When {@code key} expires, or null if it never does; {@link NotFoundException} if absent. */
  Instant getExpiration(Key key) throws DatastoreException;
}
