package org.jds.flatfs.storage;

/**
 * An optional capability of a {@link Storage} that lives in one container (a blobfs image) rather
 * than in a directory tree of its own. Thread-safety as {@link Storage}.
 */
public interface ContainerStorage {
  /**
   * Bytes the container has allocated for everything in it (data and metadata), exact, from the
   * backend's own accounting; what a datastore at its root reports as disk usage.
   *
   * @throws StorageException if the storage cannot tell (it is closed)
   */
  long allocatedBytes() throws StorageException;

  /**
   * Whether the container holds entries that no path maps to (written by other tools). They make
   * it non-empty although no listing shows them, so flatfs does not make a store at its root.
   */
  boolean hasUnmappedEntries();
}
