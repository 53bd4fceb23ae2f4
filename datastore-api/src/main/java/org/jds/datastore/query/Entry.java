package org.jds.datastore.query;

import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;
import org.jds.datastore.InvalidKeyException;

/**
 * One query result entry (go-datastore's {@code query.Entry}). {@code value} is null for keys-only
 * queries; {@code size} is -1 when unknown; {@code expiration} is null when not requested or not set.
 */
public record Entry(String key, byte[] value, int size, Instant expiration) {
  public Entry(String key, byte[] value) {
    this(key, value, value == null ? -1 : value.length, null);
  }

  /**
   * Go's {@code ResultEntriesFrom}: entry {@code i} has {@code keys[i]}, {@code values[i]} and its
   * length as the size.
   *
   * @throws InvalidKeyException if the lists differ in length (Go indexes out of range or ignores
   *     the extra values)
   */
  public static java.util.List<Entry> fromKeysAndValues(java.util.List<String> keys, java.util.List<byte[]> values)
      throws InvalidKeyException {
    if (keys.size() != values.size()) {
      throw new InvalidKeyException(keys.size() + " keys but " + values.size() + " values");
    }
    java.util.List<Entry> out = new java.util.ArrayList<>(keys.size());
    for (int i = 0; i < keys.size(); i++) {
      byte[] v = values.get(i);
      out.add(new Entry(keys.get(i), v, v == null ? 0 : v.length, null));
    }
    return out;
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
