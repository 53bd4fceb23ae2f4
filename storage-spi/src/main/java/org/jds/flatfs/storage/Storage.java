package org.jds.flatfs.storage;

import java.io.Closeable;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The narrow file-system view flatfs runs on, modelled on Lucene's {@code store.Directory}. flatfs
 * never touches {@code java.nio.file}; everything goes through this interface, so a flat backend
 * (blobfs) can serve the very same datastore.
 *
 * <h2>Paths</h2>
 * Paths are relative, {@code '/'}-separated strings without {@code .} or {@code ..} elements and
 * without leading or trailing {@code '/'}; {@code ""} names the storage root itself. Use {@link
 * StoragePaths} to build them. Directories are an SPI concept: a flat backend may map them onto
 * name prefixes, but must honour the semantics below (a file cannot be created in a directory that
 * does not exist; {@link #list} shows direct children only).
 *
 * <h2>Errors</h2>
 * Every method throws only {@link StorageException} subclasses, never unchecked exceptions for I/O
 * trouble: {@link NoSuchPathException} (cheap, stackless) when the path or its parent is missing,
 * {@link PathExistsException} for exclusive creation, {@link NoSpaceException}, {@link
 * ReadOnlyStorageException}, {@link TooManyOpenFilesException} where the backend can tell, and a
 * plain {@link StorageException} otherwise.
 *
 * <h2>Durability</h2>
 * Nothing is durable across a power failure until it is synced: file contents by {@link
 * WritableFile#sync()}, the existence of a name (create, rename, delete, mkdir) by {@link
 * #syncDirectory} on the directory that holds it. A process crash (not a power failure) loses
 * nothing that a call has returned from. {@link #rename} is atomic: at every instant the target
 * names either the old or the new content, never a mix or nothing.
 *
 * <h2>Threads</h2>
 * Implementations are safe for concurrent use by many threads. A {@link WritableFile} and a {@link
 * DirectoryListing} are used by one thread at a time.
 */
public interface Storage extends Closeable {

  /**
   * Creates a new, empty file exclusively in the existing directory {@code dir}, named {@code
   * prefix} followed by decimal digits, readable only by the owner where the backend has
   * permissions (0600). Used for write-then-rename.
   *
   * Durability: the content after {@link WritableFile#sync()}, the name after {@link
   * #syncDirectory}{@code (dir)}.
   *
   * @throws NoSuchPathException if {@code dir} does not exist
   * @throws NoSpaceException if the device is full (where detectable)
   * @throws ReadOnlyStorageException if the directory may not be written
   * @throws TooManyOpenFilesException when out of file handles (transient)
   */
  default WritableFile createTemp(String dir, String prefix) throws StorageException {
    for (int i = 0; i < TEMP_NAME_ATTEMPTS; i++) {
      // Go's os.CreateTemp: prefix + a decimal random uint32, retried on collision.
      String name = prefix + Integer.toUnsignedString(ThreadLocalRandom.current().nextInt());
      try {
        return create(StoragePaths.join(dir, name), CreateMode.EXCLUSIVE, FileAccess.PRIVATE);
      } catch (PathExistsException e) {
        // collision: try another name
      }
    }
    throw new StorageException("createtemp", StoragePaths.join(dir, prefix + "*"), "file exists", null);
  }

  /** How many random temp names {@link #createTemp} tries before giving up (Go: 10000). */
  int TEMP_NAME_ATTEMPTS = 10000;

  /**
   * Opens {@code path} for writing.
   *
   * @param mode {@link CreateMode#EXCLUSIVE} fails with {@link PathExistsException} if the path
   *     exists; {@link CreateMode#TRUNCATE} creates or empties it
   * @param access the permission the file gets if this call creates it
   * Durability as for {@link #createTemp}; a TRUNCATE of an existing file is not atomic.
   *
   * @throws NoSuchPathException if the parent directory does not exist
   * @throws PathExistsException for {@link CreateMode#EXCLUSIVE} on an existing path
   * @throws NoSpaceException if the device is full (where detectable)
   * @throws ReadOnlyStorageException if the directory may not be written
   * @throws TooManyOpenFilesException when out of file handles (transient)
   */
  WritableFile create(String path, CreateMode mode, FileAccess access) throws StorageException;

  /**
   * Reads a whole file.
   *
   * @throws NoSuchPathException if it does not exist
   * @throws TooManyOpenFilesException when out of file handles (transient)
   * @throws StorageException if it is a directory or cannot be read
   */
  byte[] readAll(String path) throws StorageException;

  /**
   * Reads up to {@code length} bytes starting at {@code offset}; fewer only at end of file.
   *
   * @throws NoSuchPathException if it does not exist
   */
  byte[] read(String path, long offset, int length) throws StorageException;

  /**
   * Facts about a path, following symbolic links.
   *
   * @throws NoSuchPathException if it does not exist
   */
  FileStat stat(String path) throws StorageException;

  /** Whether {@code path} exists; a cheap {@link #stat} that maps absence to {@code false}. */
  default boolean exists(String path) throws StorageException {
    try {
      stat(path);
      return true;
    } catch (NoSuchPathException e) {
      return false;
    }
  }

  /**
   * Lists the names of the direct children of {@code dir}, lazily and in no particular order; the
   * listing may or may not reflect changes made while it is open. The caller must close it.
   *
   * @throws NoSuchPathException if {@code dir} does not exist
   */
  DirectoryListing list(String dir) throws StorageException;

  /**
   * Creates one directory (permission 0755 where applicable); the parent must exist. {@code ""}
   * creates the storage root itself.
   *
   * Durable after {@link #syncDirectory} of the parent.
   *
   * @return {@code true} if created, {@code false} if something already existed at {@code path}
   * @throws NoSuchPathException if the parent does not exist
   * @throws NoSpaceException if the device is full (where detectable)
   * @throws ReadOnlyStorageException if the parent may not be written
   */
  boolean mkdir(String path) throws StorageException;

  /**
   * Creates {@code path} and any missing parents; existing directories are fine.
   *
   * @throws StorageException if a non-directory is in the way
   */
  void mkdirs(String path) throws StorageException;

  /**
   * Atomically renames a file, replacing any file at {@code to}. Both paths must be on this
   * storage; the parent of {@code to} must exist. Durable only after {@link #syncDirectory} of both
   * parents.
   *
   * @throws NoSuchPathException if {@code from} (or the parent of {@code to}) does not exist
   * @throws ReadOnlyStorageException if either directory may not be changed
   */
  void rename(String from, String to) throws StorageException;

  /**
   * Deletes a file or an empty directory; durable after {@link #syncDirectory} of the parent.
   *
   * @throws NoSuchPathException if it does not exist
   * @throws StorageException if it is a non-empty directory
   */
  void delete(String path) throws StorageException;

  /**
   * Deletes {@code path} and everything below it; a missing path is not an error. Not atomic: a
   * crash may leave part of the tree (flatfs only uses it on scratch directories).
   */
  void deleteTree(String path) throws StorageException;

  /**
   * Makes the names in {@code dir} (creations, renames, deletions) durable. A no-op on backends
   * where directory metadata is always durable with the data.
   */
  void syncDirectory(String dir) throws StorageException;

  /**
   * Takes the exclusive, non-blocking writer lock {@code path}: a file in an existing directory,
   * created if missing and left in place. It is held until the returned lock is closed or the
   * process ends, and keeps a second writer (another process, or another open in this one) out of
   * the same store. It does not stop readers. A backend that is already exclusive to one process
   * (a locked blobfs image) may keep it in memory and write nothing.
   *
   * @throws LockedException if it is held; the message names the holder where the backend can tell
   * @throws ReadOnlyStorageException if the lock file cannot be created or opened for writing
   */
  StorageLock lock(String path) throws StorageException;

  /** A readable description of where this storage lives, for messages. */
  String describe(String path);

  /** Releases the backend. Local storage holds nothing; closing twice is harmless. */
  @Override
  void close() throws StorageException;
}
