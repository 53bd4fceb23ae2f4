package org.jds.blobfs.fs;

import java.io.Closeable;
import java.io.IOException;
import java.util.List;

/**
 * The spdk_fs_* functions of SPDK v25.05 {@code blobfs.h} (synchronous variants), so that a pure
 * Java engine and a later jnr-ffi binding to libspdk_blobfs are interchangeable. Errors are
 * {@link org.jds.blobfs.BlobfsException} subclasses named after SPDK's errno values.
 */
public interface BlobFileSystem extends Closeable {
  /** SPDK_FILE_NAME_MAX: names of 256 bytes or more are refused. */
  int FILE_NAME_MAX = 255;
  /** SPDK_BLOBFS_OPEN_CREATE. */
  int OPEN_CREATE = 1;
  /** SPDK_BLOBFS_DEFAULT_OPTS_CLUSTER_SZ. */
  int DEFAULT_CLUSTER_SIZE = 1 << 20;

  /** spdk_fs_file_stat. */
  BlobfsFileStat stat(String name) throws IOException;

  /** spdk_fs_create_file: a 1-cluster blob with name and length=0; does not open it. */
  void createFile(String name) throws IOException;

  /** spdk_fs_open_file; {@code flags} may hold {@link #OPEN_CREATE}. */
  BlobFile openFile(String name, int flags) throws IOException;

  /** spdk_fs_rename_file: an existing {@code newName} is deleted first (deferred if open). */
  void renameFile(String oldName, String newName) throws IOException;

  /** spdk_fs_delete_file: deferred to the last close while the file is open. */
  void deleteFile(String name) throws IOException;

  /** spdk_fs_iter_first/next: names in list order (load order by blob id, then creation order). */
  List<String> list() throws IOException;

  long clusterSize();

  /** Free bytes in whole clusters. */
  long freeBytes();

  /** Clusters of the whole blobstore, its metadata region included (times {@link #clusterSize}: the image size). */
  long totalClusters();

  /**
   * Bytes allocated: data clusters in use times the cluster size, plus metadata pages in use times
   * their size. Exact, from the in-memory allocation masks (not SPDK API: a native driver derives
   * it from {@code spdk_bs_free_cluster_count} and the md page count).
   */
  long allocatedBytes();

  /** Whether the file system was loaded read-only (every change fails with {@code ReadOnlyException}). */
  boolean isReadOnly();

  /**
   * Damage the load found, one line each; only a read-only load can have any (a writable one
   * refuses a damaged image). Empty when clean.
   */
  List<String> problems();

  /**
   * The old target of a committed {@link #replaceCommit}: hidden from the namespace, still
   * allocated until {@link #replaceFinish}. Opaque; only the file system that returned it takes it.
   */
  interface Replaced {}

  /**
   * First half of a crash-atomic rename-with-replace (not in SPDK, whose rename deletes the target
   * first): renames {@code oldName} to {@code newName} in one md write (the commit point) and hides
   * the old target. The caller orders or flushes the commit (a device barrier or flush), then
   * calls {@link #replaceFinish}; a crash in between leaves both, and the next load keeps the
   * committed one.
   *
   * @return the old target still to delete, or null if there was none
   * @throws IOException as {@link #renameFile}
   */
  Replaced replaceCommit(String oldName, String newName) throws IOException;

  /**
   * Second half of {@link #replaceCommit}: deletes the old target (once; a no-op if already gone).
   *
   * @throws IOException if the delete fails, or {@code InvalidArgumentException} for a {@code
   *     Replaced} of another file system
   */
  void replaceFinish(Replaced r) throws IOException;

  /** spdk_fs_unload: refused while files are open. */
  void unload() throws IOException;

  /** Closes open files (syncing them), unloads cleanly and closes the device. */
  @Override
  void close() throws IOException;
}
