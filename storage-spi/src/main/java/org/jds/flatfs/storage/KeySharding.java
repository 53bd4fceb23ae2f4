package org.jds.flatfs.storage;

import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * How a flatfs store directory lays out its files, as far as a storage needs to know to keep the
 * shard directories implicit ({@link ShardAware}). Plain values, so a backend needs nothing of
 * flatfs but this package.
 *
 * @param id the shard function's id as flatfs writes it (e.g. {@code
 *     /repo/flatfs/shard/v1/next-to-last/2}); two shardings are equal iff their fields but {@code
 *     shardOf} are
 * @param shardOf the shard directory name of a key (a key file is {@code key + keySuffix});
 *     {@code ""} puts the file in the store directory itself. Pure and thread-safe.
 * @param keySuffix the suffix of every key file ({@code .data})
 * @param scratchDir the store's scratch directory ({@code .temp}), wiped at every open
 * @param hiddenMark a name starting with it is never a shard directory ({@code .})
 */
public record KeySharding(String id, UnaryOperator<String> shardOf, String keySuffix, String scratchDir, char hiddenMark) {
  public KeySharding {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(shardOf, "shardOf");
    Objects.requireNonNull(keySuffix, "keySuffix");
    Objects.requireNonNull(scratchDir, "scratchDir");
  }

  /** The shard directory of {@code key}. */
  public String shardOf(String key) {
    return shardOf.apply(key);
  }

  /** The key of a key-file name {@code key + keySuffix}, or null if {@code name} is none. */
  public String keyOf(String name) {
    return name.endsWith(keySuffix) && name.length() > keySuffix.length()
        ? name.substring(0, name.length() - keySuffix.length())
        : null;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof KeySharding k && k.id.equals(id) && k.keySuffix.equals(keySuffix)
        && k.scratchDir.equals(scratchDir) && k.hiddenMark == hiddenMark;
  }

  @Override
  public int hashCode() {
    return Objects.hash(id, keySuffix, scratchDir, hiddenMark);
  }
}
