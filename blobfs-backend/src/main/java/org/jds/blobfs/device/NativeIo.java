package org.jds.blobfs.device;

import jnr.ffi.LibraryLoader;
import jnr.ffi.Memory;
import jnr.ffi.Pointer;
import jnr.ffi.Runtime;

/**
 * Optional libc calls through jnr-ffi: BLKGETSIZE64, fdatasync and fallocate(PUNCH_HOLE). Every
 * method reports failure (null/false) instead of throwing, so the device falls back to plain NIO
 * when the native library is missing.
 */
public final class NativeIo {
  /** _IOR(0x12, 114, size_t) on 64-bit Linux. */
  static final long BLKGETSIZE64 = 0x80081272L;
  static final int O_RDONLY = 0;
  static final int O_RDWR = 2;
  static final int FALLOC_FL_KEEP_SIZE = 1;
  static final int FALLOC_FL_PUNCH_HOLE = 2;

  /** The libc subset we bind. */
  public interface LibC {
    int open(String path, int flags);

    int close(int fd);

    int fdatasync(int fd);

    int ioctl(int fd, long request, Pointer arg);

    int fallocate(int fd, int mode, long offset, long len);
  }

  private static final LibC LIBC = load();

  private NativeIo() {}

  private static LibC load() {
    try {
      return LibraryLoader.create(LibC.class).load("c");
    } catch (Throwable t) {
      return null; // no native support: NIO fallbacks apply
    }
  }

  public static boolean available() {
    return LIBC != null;
  }

  /** Opens a raw fd, or -1. */
  static int open(String path, boolean write) {
    if (LIBC == null) return -1;
    try {
      return LIBC.open(path, write ? O_RDWR : O_RDONLY);
    } catch (Throwable t) {
      return -1;
    }
  }

  static void close(int fd) {
    if (LIBC != null && fd >= 0) {
      try {
        LIBC.close(fd);
      } catch (Throwable ignored) {
        // closing a helper fd: nothing useful to do on failure
      }
    }
  }

  /** fdatasync on the inode behind {@code fd}; false if unavailable or failed. */
  static boolean fdatasync(int fd) {
    if (LIBC == null || fd < 0) return false;
    try {
      return LIBC.fdatasync(fd) == 0;
    } catch (Throwable t) {
      return false;
    }
  }

  /** Size of a block device in bytes, or -1. */
  static long blockDeviceSize(int fd) {
    if (LIBC == null || fd < 0) return -1;
    try {
      Pointer p = Memory.allocate(Runtime.getRuntime(LIBC), 8);
      if (LIBC.ioctl(fd, BLKGETSIZE64, p) != 0) return -1;
      return p.getLong(0);
    } catch (Throwable t) {
      return -1;
    }
  }

  /** Punches a hole keeping the size; false if unsupported. */
  static boolean punchHole(int fd, long offset, long len) {
    if (LIBC == null || fd < 0) return false;
    try {
      return LIBC.fallocate(fd, FALLOC_FL_PUNCH_HOLE | FALLOC_FL_KEEP_SIZE, offset, len) == 0;
    } catch (Throwable t) {
      return false;
    }
  }
}
