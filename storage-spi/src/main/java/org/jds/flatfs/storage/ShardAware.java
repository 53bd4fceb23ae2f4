package org.jds.flatfs.storage;

/**
 * An optional capability of a {@link Storage}: to be told how flatfs shards the store directories
 * on it. A flat backend (blobfs) stores key files without their shard directory and derives it from
 * the key, so it must know each store's {@link KeySharding}; a hierarchical one (local disk) does
 * not implement this. flatfs calls it from one place, whenever it has read, written or deleted a
 * store's {@code SHARDING} file; nothing else tells the backend.
 *
 * <p>Until it is told, a backend shows a store's key files where their names put them without a
 * shard function (directly in the store directory).
 *
 * <p>Thread-safety as {@link Storage}.
 */
public interface ShardAware {
  /**
   * flatfs has read {@code dir}'s sharding: the files already in {@code dir} were laid out by it.
   * A backend that was not told otherwise since it opened re-reads its names of {@code dir}
   * accordingly (nothing is written); one that was told another sharding keeps every path and
   * renames as {@link #shardingWritten} does.
   *
   * @throws StorageException if the backend fails to update its names (a rename failed)
   */
  void shardingRead(String dir, KeySharding sharding) throws StorageException;

  /**
   * flatfs has written {@code dir}'s sharding, or deleted it ({@code sharding} null): every file
   * keeps its path, and from now on key files of {@code dir} follow {@code sharding}. Not
   * crash-atomic where the backend must rename files (only conversions change an existing
   * sharding).
   *
   * @throws StorageException if the backend fails to rename its files (they keep their paths; a
   *     later call with the same sharding finishes the job)
   */
  void shardingWritten(String dir, KeySharding sharding) throws StorageException;
}
