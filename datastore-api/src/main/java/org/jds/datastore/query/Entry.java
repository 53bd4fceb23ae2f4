package org.jds.datastore.query;

import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;

/**
 * One query result entry (go-datastore's {@code query.Entry}). {@code value} is null for keys-only
 * queries; {@code size} is -1 when unknown; {@code expiration} is null when not requested or not set.
 */
public record Entry(String key, byte[] value, int size, Instant expiration) {
  public Entry(String key, byte[] value) {
    this(key, value, value == null ? -1 : value.length, null);
  }

  public Entry withKey(String newKey) {
    return new Entry(newKey, value, size, expiration);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Entry e
        && key.equals(e.key)
        && Arrays.equals(value, e.value)
        && size == e.size
        && Objects.equals(expiration, e.expiration);
  }

  @Override
  public int hashCode() {
    return Objects.hash(key, Arrays.hashCode(value), size, expiration);
  }

  @Override
  public String toString() {
    return "Entry{" + key + ", size=" + size + (value == null ? "" : ", value=" + value.length + "B") + "}";
  }
}
