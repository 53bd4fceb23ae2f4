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
 * Every method throws only {@link StorageException} and its subclasses, never an unchecked
 * exception, for I/O trouble and for bad arguments alike: {@link NoSuchPathException} (cheap,
 * stackless) when the path or its parent is missing, {@link PathExistsException} for exclusive
 * creation, {@link NoSpaceException}, {@link ReadOnlyStorageException}, {@link
 * TooManyOpenFilesException} where the backend can tell, {@link LockedException}, {@link
 * StorageClosedException}, and a plain {@link StorageException} otherwise, whose {@link
 * StorageException#reason() reason} is one of {@link StorageChecks}'s constants where the cause is
 * one every backend shares ({@value StorageChecks#INVALID_ARGUMENT}, {@value
 * StorageChecks#IS_A_DIRECTORY}, {@value StorageChecks#NOT_A_DIRECTORY}, {@value
 * StorageChecks#FILE_TOO_LARGE}), "invalid storage path", "directory not empty", "file name too
 * long", or the backend's own words. Every method that takes a path throws, besides what its
 * {@code @throws} list names first: {@link StorageClosedException} after {@link #close()};
 * "invalid storage path" (checked before the path is looked up) for a path outside the rules
 * above; {@value StorageChecks#NOT_A_DIRECTORY} where an element above the path is a file; and a
 * plain {@link StorageException} for any other I/O failure. The lists below name these too.
 *
 * <h2>Durability</h2>
 * Nothing is durable across a power failure until it is synced: file contents by {@link
 * WritableFile#sync()}, the existence of a name (create, rename, delete, mkdir) by {@link
 * #syncDirectory} on the directory that holds it. A process crash (not a power failure) loses
 * nothing that a call has returned from. {@link #rename} is atomic: at every instant the target
 * names either the old or the new content, never a mix or nothing.
 *
 * <h2>Files being written</h2>
 * A file is visible from the moment {@link #create} returns (empty, also after a TRUNCATE). Every
 * byte a {@link WritableFile#write} appended is visible to {@link #stat}, {@link #read} and {@link
 * #readAll}, on any thread, as soon as that call returns; no sync or close is needed (sync is about
 * durability only). A read that races a write returns a prefix of what is being written: never
 * bytes that were not written, and at least everything the writes that returned before the read
 * began appended.
 *
 * <h2>Closing</h2>
 * {@link #close()} is idempotent. A call that begins after it returned fails with {@link
 * StorageClosedException} ({@value StorageClosedException#STORAGE_CLOSED}), except {@link #close()}
 * and {@link #describe}; a call racing with it may complete or fail so. Handles still open at that
 * point keep the bytes they wrote (as if closed then); their {@code write}, {@code sync} and {@code
 * next} fail with {@link StorageClosedException}, their {@code close()} succeeds and does nothing
 * more, and a {@link StorageLock} still releases. A handle that was itself closed fails with {@link
 * StorageClosedException} ({@value StorageClosedException#HANDLE_CLOSED}). All backends share these
 * checks through {@link StorageChecks}.
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
   * <p>Durability: the content after {@link WritableFile#sync()}, the name after {@link
   * #syncDirectory}{@code (dir)}.
   *
   * @throws NoSuchPathException if {@code dir} does not exist
   * @throws NoSpaceException if the device is full (where detectable)
   * @throws ReadOnlyStorageException if the directory may not be written
   * @throws TooManyOpenFilesException when out of file handles (transient)
   * @throws StorageClosedException if the storage is closed
   * @throws StorageException "file exists" if {@link #TEMP_NAME_ATTEMPTS} random names were all
   *     taken; {@value StorageChecks#NOT_A_DIRECTORY} if {@code dir} is a file or below one;
   *     "invalid storage path"; "file name too long" where the backend limits names; any other I/O
   *     failure
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
   * Opens {@code path} for writing (appends from its start). Durability as for {@link
   * #createTemp}; a TRUNCATE of an existing file is not atomic.
   *
   * @param mode {@link CreateMode#EXCLUSIVE} fails with {@link PathExistsException} if the path
   *     exists; {@link CreateMode#TRUNCATE} creates or empties it
   * @param access the permission the file gets if this call creates it
   * @throws NoSuchPathException if the parent directory does not exist
   * @throws PathExistsException for {@link CreateMode#EXCLUSIVE} on an existing path
   * @throws NoSpaceException if the device is full (where detectable)
   * @throws ReadOnlyStorageException if the directory (or, for TRUNCATE, the file) may not be
   *     written
   * @throws TooManyOpenFilesException when out of file handles (transient)
   * @throws StorageClosedException if the storage is closed
   * @throws StorageException {@value StorageChecks#IS_A_DIRECTORY} if {@code path} is a directory
   *     (also {@code ""}); {@value StorageChecks#NOT_A_DIRECTORY} if its parent is a file or below
   *     one; "invalid storage path"; "file name too long" where the backend limits names; any other
   *     I/O failure
   */
  WritableFile create(String path, CreateMode mode, FileAccess access) throws StorageException;

  /**
   * Reads a whole file: at least what it held when the call began (see "Files being written").
   *
   * @throws NoSuchPathException if it does not exist
   * @throws TooManyOpenFilesException when out of file handles (transient)
   * @throws StorageClosedException if the storage is closed
   * @throws StorageException {@value StorageChecks#IS_A_DIRECTORY} if it is a directory; {@value
   *     StorageChecks#FILE_TOO_LARGE} if it holds more than {@link StorageChecks#MAX_READ} bytes;
   *     {@value StorageChecks#NOT_A_DIRECTORY} if it lies below a file; "invalid storage path";
   *     any other I/O failure (on blobfs also damage found while reading)
   */
  byte[] readAll(String path) throws StorageException;

  /**
   * Reads up to {@code length} bytes starting at {@code offset}; fewer only at end of file, none
   * from an offset at or past it (like pread).
   *
   * @throws StorageException {@value StorageChecks#INVALID_ARGUMENT} if {@code offset} or {@code
   *     length} is negative or {@code offset + length} exceeds {@link Long#MAX_VALUE} (checked
   *     before the path, so also for a missing one); {@value StorageChecks#FILE_TOO_LARGE} if the
   *     result would exceed {@link StorageChecks#MAX_READ} bytes; {@value
   *     StorageChecks#IS_A_DIRECTORY} if it is a directory; {@value StorageChecks#NOT_A_DIRECTORY}
   *     if it lies below a file; "invalid storage path"; any other I/O failure
   * @throws NoSuchPathException if it does not exist
   * @throws TooManyOpenFilesException when out of file handles (transient)
   * @throws StorageClosedException if the storage is closed
   */
  byte[] read(String path, long offset, int length) throws StorageException;

  /**
   * Facts about a path, following symbolic links.
   *
   * @throws NoSuchPathException if it does not exist
   * @throws StorageClosedException if the storage is closed
   * @throws StorageException {@value StorageChecks#NOT_A_DIRECTORY} if it lies below a file;
   *     "invalid storage path"; "file name too long" where the backend limits names; any other I/O
   *     failure
   */
  FileStat stat(String path) throws StorageException;

  /**
   * Whether {@code path} exists; a cheap {@link #stat} that maps absence to {@code false}.
   *
   * @throws StorageClosedException if the storage is closed
   * @throws StorageException as {@link #stat}, except that absence is {@code false}
   */
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
   * @throws TooManyOpenFilesException when out of file handles (transient)
   * @throws StorageClosedException if the storage is closed
   * @throws StorageException {@value StorageChecks#NOT_A_DIRECTORY} if {@code dir} is a file or
   *     below one; "invalid storage path"; any other I/O failure
   */
  DirectoryListing list(String dir) throws StorageException;

  /**
   * Creates one directory (permission 0755 where applicable); the parent must exist. {@code ""}
   * creates the storage root itself. Durable after {@link #syncDirectory} of the parent.
   *
   * @return {@code true} if created, {@code false} if something already existed at {@code path}
   * @throws NoSuchPathException if the parent does not exist
   * @throws NoSpaceException if the device is full (where detectable)
   * @throws ReadOnlyStorageException if the parent may not be written
   * @throws StorageClosedException if the storage is closed
   * @throws StorageException {@value StorageChecks#NOT_A_DIRECTORY} if the parent is a file or
   *     below one; "invalid storage path"; "file name too long" where the backend limits names; any
   *     other I/O failure
   */
  boolean mkdir(String path) throws StorageException;

  /**
   * Creates {@code path} and any missing parents; existing directories are fine. Not atomic: a
   * failure may leave the parents it created.
   *
   * @throws NoSpaceException if the device is full (where detectable)
   * @throws ReadOnlyStorageException if a parent may not be written
   * @throws StorageClosedException if the storage is closed
   * @throws StorageException {@value StorageChecks#NOT_A_DIRECTORY} if a file is at {@code path}
   *     or above it; "invalid storage path"; any other I/O failure
   */
  void mkdirs(String path) throws StorageException;

  /**
   * Atomically renames a file, replacing any file at {@code to}. Both paths must be on this
   * storage; the parent of {@code to} must exist. Durable only after {@link #syncDirectory} of both
   * parents. Renaming a file onto itself changes nothing.
   *
   * <p>Files only, on every backend: a directory is neither moved nor replaced (a flat backend
   * cannot move a tree atomically, and flatfs never needs to). If {@code from} is a directory
   * (also {@code ""}) this is refused before anything about {@code to} is checked; if {@code to}
   * is one, it is refused too. Both refusals change nothing.
   *
   * @throws StorageException {@value StorageChecks#IS_A_DIRECTORY} if {@code from} or {@code to} is
   *     a directory; {@value StorageChecks#NOT_A_DIRECTORY} if the parent of {@code to} is a file
   *     or below one; "invalid storage path" for either; "file name too long" where the backend
   *     limits names; any other I/O failure
   * @throws NoSuchPathException if {@code from} (or the parent of {@code to}) does not exist
   * @throws NoSpaceException if the backend needs room for the new name and has none
   * @throws ReadOnlyStorageException if either directory may not be changed
   * @throws StorageClosedException if the storage is closed
   */
  void rename(String from, String to) throws StorageException;

  /**
   * Deletes a file or an empty directory; durable after {@link #syncDirectory} of the parent.
   *
   * @throws NoSuchPathException if it does not exist
   * @throws ReadOnlyStorageException if the parent may not be written
   * @throws StorageClosedException if the storage is closed
   * @throws StorageException "directory not empty" if it is a non-empty directory (the root may
   *     say "device or resource busy"); {@value StorageChecks#NOT_A_DIRECTORY} if it lies below a
   *     file; "invalid storage path"; any other I/O failure
   */
  void delete(String path) throws StorageException;

  /**
   * Deletes {@code path} and everything below it; a missing path is not an error. Not atomic: a
   * crash or a failure may leave part of the tree (flatfs only uses it on scratch directories).
   *
   * @throws ReadOnlyStorageException if something in the tree may not be deleted
   * @throws StorageClosedException if the storage is closed
   * @throws StorageException "invalid storage path"; any other I/O failure
   */
  void deleteTree(String path) throws StorageException;

  /**
   * Makes the names in {@code dir} (creations, renames, deletions) durable. Backends where
   * directory metadata is always durable with the data flush nothing more than the data.
   *
   * @throws NoSuchPathException if {@code dir} does not exist
   * @throws StorageClosedException if the storage is closed
   * @throws StorageException {@value StorageChecks#NOT_A_DIRECTORY} if {@code dir} lies below a
   *     file; "invalid storage path"; a failed flush (then nothing is known to be durable)
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
   * @throws NoSuchPathException if the directory of {@code path} does not exist
   * @throws ReadOnlyStorageException if the lock file cannot be created or opened for writing
   * @throws TooManyOpenFilesException when out of file handles (transient)
   * @throws StorageClosedException if the storage is closed
   * @throws StorageException {@value StorageChecks#NOT_A_DIRECTORY} if its directory is a file or
   *     below one; "invalid storage path"; any other I/O failure
   */
  StorageLock lock(String path) throws StorageException;

  /** A readable description of where {@code path} lives, for messages; never fails, also after close. */
  String describe(String path);

  /**
   * Releases the backend (see "Closing"); closing twice is harmless. Local storage holds nothing;
   * blobfs unloads its image cleanly.
   *
   * @throws StorageException if the backend cannot finish writing its state (blobfs: the clean
   *     unload failed); the storage counts as closed all the same
   */
  @Override
  void close() throws StorageException;
}
