package org.jds.datastore;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Go's {@code NewBasicBatch}: remembers the last operation per key and applies them to the target on
 * {@link #commit()}, stopping at the first error. Not atomic: other readers may see a partly applied
 * batch. Thread-safe (operations are serialised); must not be used after commit.
 */
public final class BasicBatch implements Batch {
  private static final byte[] DELETE = new byte[0];

  private final Write target;
  // identity marker DELETE means "delete"; insertion order keeps commits deterministic
  private final Map<Key, byte[]> ops = new LinkedHashMap<>();

  public BasicBatch(Write target) {
    this.target = target;
  }

  @Override
  public synchronized void put(Key key, byte[] value) {
    ops.remove(key); // re-insert so the order follows the last op
    ops.put(key, value == null ? new byte[0] : value.clone()); // Go: nil == empty
  }

  @Override
  public synchronized void delete(Key key) {
    ops.remove(key);
    ops.put(key, DELETE);
  }

  @Override
  public void commit() throws DatastoreException {
    List<Map.Entry<Key, byte[]>> todo;
    synchronized (this) {
      todo = new ArrayList<>(ops.entrySet());
      ops.clear();
    }
    for (Map.Entry<Key, byte[]> op : todo) {
      if (op.getValue() == DELETE) {
        target.delete(op.getKey());
      } else {
        target.put(op.getKey(), op.getValue());
      }
    }
  }
}
