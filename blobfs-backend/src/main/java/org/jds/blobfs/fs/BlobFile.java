package org.jds.blobfs.fs;

import java.io.Closeable;
import java.io.IOException;

/** The spdk_file_* functions of SPDK v25.05 {@code blobfs.h}, for one open handle. */
public interface BlobFile extends Closeable {
  int PRIORITY_LOW = 0;
  int PRIORITY_HIGH = 1;

  /** spdk_file_get_name. */
  String name();

  /** spdk_file_get_id: the blob id. */
  long id();

  /** spdk_file_get_length: max(append position, persisted length). */
  long length();

  /** spdk_file_write: append-only, {@code offset} must equal the current length (else EINVAL). */
  void write(long offset, byte[] buf, int off, int len) throws IOException;

  /** spdk_file_read: bytes read, capped at the append position; 0 at or after EOF. */
  long read(long offset, byte[] buf, int off, int len) throws IOException;

  /**
   * spdk_file_sync: data, a barrier, the "length" xattr persisted, then a device flush: on return
   * the file's bytes and length are durable.
   */
  void sync() throws IOException;

  /** spdk_file_truncate: resizes to ceil(len / cluster) clusters and persists the length. */
  void truncate(long length) throws IOException;

  /** spdk_file_set_priority: a cache hint (no cache here, so recorded only). */
  void setPriority(int priority);

  /** spdk_file_close: sync, then drop this reference (EBADF if already closed). */
  @Override
  void close() throws IOException;
}
