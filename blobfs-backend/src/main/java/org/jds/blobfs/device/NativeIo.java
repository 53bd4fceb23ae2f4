package org.jds.blobfs.device;

import jnr.ffi.LibraryLoader;
import jnr.ffi.Memory;
import jnr.ffi.Pointer;
import jnr.ffi.Runtime;
import jnr.ffi.annotations.SaveError;

/**
 * Optional libc calls through jnr-ffi: BLKGETSIZE64, BLKSSZGET, fdatasync, fallocate(PUNCH_HOLE) and flock. Every
 * method reports failure (null/false) instead of throwing, so the device falls back to plain NIO
 * when the native library is missing.
 */
public final class NativeIo {
  /** _IOR(0x12, 114, size_t) on 64-bit Linux. */
  static final long BLKGETSIZE64 = 0x80081272L;
  /** _IO(0x12, 104): logical sector size of a block device, as an int. */
  static final long BLKSSZGET = 0x1268L;
  static final int O_RDONLY = 0;
  static final int O_RDWR = 2;
  static final int FALLOC_FL_KEEP_SIZE = 1;
  static final int FALLOC_FL_PUNCH_HOLE = 2;
  static final int LOCK_SH = 1;
  static final int LOCK_EX = 2;
  static final int LOCK_NB = 4;
  /** errno of a refused non-blocking flock (EWOULDBLOCK = EAGAIN on Linux). */
  static final int EWOULDBLOCK = 11;
  /** {@link #tryFlock}: locked. */
  static final int LOCKED = 0;
  /** {@link #tryFlock}: another open holds a conflicting lock. */
  static final int LOCK_HELD = 1;
  /** {@link #tryFlock}: no native call, or the file system refuses flock. */
  static final int LOCK_UNAVAILABLE = -1;

  /** The libc subset we bind. */
  public interface LibC {
    int open(String path, int flags);

    int close(int fd);

    int fdatasync(int fd);

    int ioctl(int fd, long request, Pointer arg);

    int fallocate(int fd, int mode, long offset, long len);

    @SaveError
    int flock(int fd, int operation);
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

  /**
   * A non-blocking flock(2), shared or exclusive, on {@code fd}: {@link #LOCKED}, {@link #LOCK_HELD}
   * or {@link #LOCK_UNAVAILABLE}. Released when the last descriptor of this open is closed.
   */
  static int tryFlock(int fd, boolean shared) {
    if (LIBC == null || fd < 0) return LOCK_UNAVAILABLE;
    try {
      if (LIBC.flock(fd, (shared ? LOCK_SH : LOCK_EX) | LOCK_NB) == 0) return LOCKED;
      return Runtime.getRuntime(LIBC).getLastError() == EWOULDBLOCK ? LOCK_HELD : LOCK_UNAVAILABLE;
    } catch (Throwable t) {
      return LOCK_UNAVAILABLE;
    }
  }

  /** Size of a block device in bytes, or -1. */
  static long blockDeviceSize(int fd) {
    Pointer p = ioctlOut(fd, BLKGETSIZE64, 8);
    return p == null ? -1 : p.getLong(0);
  }

  /** Logical sector size of a block device (the O_DIRECT alignment it needs), or -1. */
  static int logicalBlockSize(int fd) {
    Pointer p = ioctlOut(fd, BLKSSZGET, 4);
    return p == null ? -1 : p.getInt(0);
  }

  /** An ioctl that writes {@code bytes} bytes through its pointer argument: that memory, or null. */
  private static Pointer ioctlOut(int fd, long request, int bytes) {
    if (LIBC == null || fd < 0) return null;
    try {
      Pointer p = Memory.allocate(Runtime.getRuntime(LIBC), bytes);
      return LIBC.ioctl(fd, request, p) == 0 ? p : null;
    } catch (Throwable t) {
      return null;
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
