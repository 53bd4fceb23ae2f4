package org.jds.node.blockstore;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jds.node.multiformats.Multihash;

/**
 * A bounded LRU of has/size answers (kubo's {@code BlockKeyCacheSize}): multihash to the block's
 * size, or {@link #ABSENT}. Thread-safe (one lock; entries are tiny and every operation is O(1)).
 */
final class KeyCache {
  static final int ABSENT = -1;
  /** Returned by {@link #get} when the cache has no answer. */
  static final int UNKNOWN = -2;

  private final LinkedHashMap<Multihash, Integer> map;

  KeyCache(int capacity) {
    this.map = new LinkedHashMap<>(16, 0.75f, true) {
      private static final long serialVersionUID = 1L;

      @Override
      protected boolean removeEldestEntry(Map.Entry<Multihash, Integer> eldest) {
        return size() > capacity;
      }
    };
  }

  /** The cached size, {@link #ABSENT}, or {@link #UNKNOWN}. */
  synchronized int get(Multihash mh) {
    Integer v = map.get(mh);
    return v == null ? UNKNOWN : v;
  }

  synchronized void put(Multihash mh, int sizeOrAbsent) {
    map.put(mh, sizeOrAbsent);
  }

  synchronized void remove(Multihash mh) {
    map.remove(mh);
  }

  synchronized int size() {
    return map.size();
  }
}
