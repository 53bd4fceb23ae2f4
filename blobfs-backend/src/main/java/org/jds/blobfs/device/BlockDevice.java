package org.jds.blobfs.device;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * A byte-addressed device: a regular file or a raw block device. Positional I/O only, so one
 * instance is safe for concurrent use by several threads (no shared file position).
 */
public interface BlockDevice extends Closeable {
  /** The two logical block sizes a device may have: a disk sector, and a blobstore md page. */
  int SECTOR_SIZE = 512;

  int PAGE_SIZE = 4096;

  /** Device size in bytes. */
  long size();

  /** Logical block size: the blobstore io_unit at init (512 or 4096). */
  int blockSize();

  boolean isReadOnly();

  /** Reads exactly {@code dst.remaining()} bytes at {@code offset}; bytes past the end read as 0. */
  void read(long offset, ByteBuffer dst) throws IOException;

  /** Writes all of {@code src} at {@code offset}. */
  void write(long offset, ByteBuffer src) throws IOException;

  /**
   * Durable: returns once every write, unmap and discard that completed before the call is on
   * stable storage (fdatasync), so it survives a power loss.
   */
  void flush() throws IOException;

  /**
   * Ordering only: no write issued after the call reaches stable storage before the writes that
   * completed before it. It does not wait for durability. A device with no cheaper ordering
   * primitive flushes (the default); a {@link GroupCommitDevice} decides per its {@link
   * BarrierPolicy}. Against a process crash positional writes are ordered anyway (they land in
   * the OS page cache in program order); a barrier matters for power loss.
   */
  default void barrier() throws IOException {
    flush();
  }

  /**
   * Best-effort unmap (SPDK's unmap on AIO): punches a hole where the device supports it and
   * returns whether it did. Unlike {@link #discard} it never falls back to writing zeros.
   */
  boolean tryUnmap(long offset, long length) throws IOException;

  /**
   * Releases a byte range so that it reads back as zeros (SPDK's unmap): a hole punch on files,
   * zero writes where punching is unavailable.
   */
  void discard(long offset, long length) throws IOException;

  @Override
  void close() throws IOException;
}
