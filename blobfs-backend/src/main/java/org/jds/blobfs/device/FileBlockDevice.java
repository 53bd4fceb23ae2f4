package org.jds.blobfs.device;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jds.blobfs.BlobfsException;
import org.jds.blobfs.BlobfsNoSpaceException;
import org.jds.blobfs.ImageInUseException;
import org.jds.blobfs.InvalidArgumentException;
import org.jds.blobfs.NoSuchImageException;
import org.jds.blobfs.ReadOnlyException;

/**
 * A regular file or raw block device accessed with positional FileChannel I/O. Thread-safe: all
 * I/O is positional. Every open locks the image ({@link ImageLock}): one writer, or any number of
 * readers, across processes and within one. A read-only instance opens the file without write access, so the kernel
 * itself guarantees that read-only paths never modify the image.
 *
 * <p>Buffered (page cache) by default. Opened with {@code direct = true} the channel uses O_DIRECT
 * ({@code ExtendedOpenOption.DIRECT}) and reads/writes go through {@link DirectIo}: any offset and
 * length still work (aligned bounce buffers, read-modify-write of partial blocks). The alignment
 * is the largest of the io unit, the file store's block size (what the JDK enforces) and, for a
 * block device, its logical sector size (BLKSSZGET). Size, flush, hole punching and close are the
 * same in both modes; {@link #flush} is still fdatasync, since O_DIRECT bypasses the page cache
 * but not the drive's write cache.
 */
public final class FileBlockDevice implements BlockDevice {
  private static final int ZERO_CHUNK = 1 << 20;
  private final AtomicBoolean closed = new AtomicBoolean();

  private final FileChannel ch;
  private final boolean readOnly;
  /** Grows only ({@link #growFile}); volatile so that every I/O thread sees the new bound. */
  private volatile long size;
  private final int blockSize;
  private final boolean blockDevice;
  /** Helper fd for fdatasync/fallocate/ioctl, or -1 when jnr-ffi is unavailable. */
  private final int fd;
  /** Aligned O_DIRECT reads and writes, or null for buffered I/O. */
  private final DirectIo direct;
  /** The host file system of an image file (to tell a full disk from other errors), or null. */
  private final FileStore store;

  private FileBlockDevice(
      FileChannel ch, boolean readOnly, long size, int blockSize, boolean blk, int fd, DirectIo direct, FileStore store) {
    this.ch = ch;
    this.store = store;
    this.readOnly = readOnly;
    this.size = size;
    this.blockSize = blockSize;
    this.blockDevice = blk;
    this.fd = fd;
    this.direct = direct;
  }

  /** Opens an existing file or block device with buffered I/O. */
  public static FileBlockDevice open(Path path, boolean readOnly, int blockSize) throws IOException {
    return open(path, readOnly, blockSize, false);
  }

  /**
   * Opens an existing file or block device, with O_DIRECT when {@code direct}, and locks it for this
   * open ({@link ImageLock}): shared when {@code readOnly}, else exclusive, until {@link #close}.
   * A file system that refuses O_DIRECT, or a writable direct file whose size is not a multiple of
   * the alignment, fails with {@link InvalidArgumentException} naming the path.
   *
   * @throws ImageInUseException if another open (in any process) holds a conflicting lock
   */
  public static FileBlockDevice open(Path path, boolean readOnly, int blockSize, boolean direct)
      throws IOException {
    if (blockSize != SECTOR_SIZE && blockSize != PAGE_SIZE) {
      throw new InvalidArgumentException("block size must be 512 or 4096: " + blockSize);
    }
    FileChannel ch = openChannel(path, readOnly, direct);
    int fd = -1;
    try {
      boolean blk = !Files.isRegularFile(path);
      fd = NativeIo.open(path.toString(), !readOnly);
      ImageLock.acquire(path, ch, fd, readOnly);
      long size;
      if (blk) {
        size = NativeIo.blockDeviceSize(fd);
        if (size < 0) size = ch.size(); // some kernels report it via lseek(SEEK_END)
      } else {
        size = ch.size();
      }
      DirectIo dio = null;
      if (direct) {
        int align = directAlignment(path, blockSize, blk ? NativeIo.logicalBlockSize(fd) : -1);
        if (!readOnly) checkDirectSize(path, size, align);
        dio = new DirectIo(ch, align);
      }
      return new FileBlockDevice(ch, readOnly, size, blockSize, blk, fd, dio, blk ? null : Files.getFileStore(path));
    } catch (IOException | RuntimeException e) {
      NativeIo.close(fd);
      ch.close();
      throw e;
    }
  }

  /** A writable O_DIRECT file must be whole aligned blocks: its last block could not be rewritten. */
  private static void checkDirectSize(Path path, long size, int align) throws InvalidArgumentException {
    if (size % align != 0) {
      throw new InvalidArgumentException(String.format(
          "%s: size %d is not a multiple of the O_DIRECT alignment %d; resize it or open it without direct I/O",
          path, size, align));
    }
  }

  private static FileChannel openChannel(Path path, boolean readOnly, boolean direct) throws IOException {
    OpenOption[] opts = readOnly
        ? new OpenOption[] {StandardOpenOption.READ}
        : new OpenOption[] {StandardOpenOption.READ, StandardOpenOption.WRITE};
    try {
      if (!direct) return FileChannel.open(path, opts);
      OpenOption[] withDirect = java.util.Arrays.copyOf(opts, opts.length + 1);
      withDirect[opts.length] = com.sun.nio.file.ExtendedOpenOption.DIRECT;
      try {
        return FileChannel.open(path, withDirect);
      } catch (UnsupportedOperationException e) {
        throw new InvalidArgumentException("O_DIRECT is not supported on this platform: " + path);
      } catch (NoSuchFileException | AccessDeniedException e) {
        throw e;
      } catch (IOException e) {
        // Tell "the file system refuses O_DIRECT" (EINVAL from open) from other failures.
        FileChannel.open(path, opts).close();
        InvalidArgumentException x = new InvalidArgumentException(String.format(
            "%s: the file system (%s) refuses O_DIRECT (%s); open it without direct I/O",
            path, fileStoreType(path), e.getMessage()));
        x.initCause(e);
        throw x;
      }
    } catch (NoSuchFileException e) {
      throw new NoSuchImageException(path.toString());
    }
  }

  /** The O_DIRECT alignment: io unit, file store block size (the JDK checks it) and sector size. */
  private static int directAlignment(Path path, int blockSize, int sectorSize) throws IOException {
    long align = Math.max(blockSize, sectorSize);
    try {
      align = Math.max(align, Files.getFileStore(path).getBlockSize());
    } catch (UnsupportedOperationException e) {
      // no block size reported: the io unit and sector size must do
    }
    if (Long.bitCount(align) != 1 || align > DirectIo.CHUNK) {
      throw new InvalidArgumentException(path + ": unusable O_DIRECT alignment " + align);
    }
    return (int) align;
  }

  private static String fileStoreType(Path path) {
    try {
      return Files.getFileStore(path).type();
    } catch (IOException | RuntimeException e) {
      return "unknown";
    }
  }

  /** Creates (sparse) or extends a regular file to {@code size} bytes and opens it writable. */
  public static FileBlockDevice create(Path path, long size, int blockSize) throws IOException {
    return create(path, size, blockSize, false);
  }

  /**
   * Creates (sparse) or extends a regular file to {@code size} bytes and opens it writable, with
   * O_DIRECT when {@code direct}. The file is locked before it grows, so an image in use elsewhere
   * is refused unchanged. A file this call created is removed again if the open fails.
   *
   * @throws ImageInUseException if another open holds the image
   */
  public static FileBlockDevice create(Path path, long size, int blockSize, boolean direct)
      throws IOException {
    boolean existed = Files.exists(path);
    if (!existed) {
      FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE).close();
    }
    FileBlockDevice dev;
    try {
      dev = open(path, false, blockSize, direct);
    } catch (IOException e) {
      if (!existed) Files.deleteIfExists(path);
      throw e;
    }
    try {
      if (dev.direct != null && size > dev.size) checkDirectSize(path, size, dev.direct.align());
      dev.growFile(size);
      return dev;
    } catch (IOException e) {
      dev.close();
      if (!existed) Files.deleteIfExists(path);
      throw e;
    }
  }

  /**
   * Extends a regular file to {@code newSize} bytes (sparse: only the last byte is written) and the
   * device with it; a larger file or a block device is left as it is.
   */
  public void growFile(long newSize) throws IOException {
    if (readOnly) throw new ReadOnlyException("device is open read-only");
    if (blockDevice || newSize <= size) return;
    if (direct != null) {
      direct.write(newSize - 1, ByteBuffer.allocate(1)); // one aligned block, read-modify-write
    } else {
      ch.write(ByteBuffer.allocate(1), newSize - 1);
    }
    size = Math.max(size, ch.size());
  }

  /** Whether reads and writes bypass the page cache (O_DIRECT). */
  public boolean isDirect() {
    return direct != null;
  }

  /** The O_DIRECT alignment in bytes, or 0 for buffered I/O. */
  int directAlignment() {
    return direct == null ? 0 : direct.align();
  }

  @Override
  public long size() {
    return size;
  }

  @Override
  public int blockSize() {
    return blockSize;
  }

  @Override
  public boolean isReadOnly() {
    return readOnly;
  }

  @Override
  public void read(long offset, ByteBuffer dst) throws IOException {
    if (direct != null) {
      direct.read(offset, dst);
      return;
    }
    long pos = offset;
    while (dst.hasRemaining()) {
      int n = ch.read(dst, pos);
      if (n < 0) {
        while (dst.hasRemaining()) dst.put((byte) 0); // past EOF of a short file reads as zeros
        return;
      }
      pos += n;
    }
  }

  @Override
  public void write(long offset, ByteBuffer src) throws IOException {
    if (readOnly) throw new ReadOnlyException("device is open read-only");
    if (offset < 0 || offset + src.remaining() > size) {
      throw new InvalidArgumentException(
          "write [" + offset + ", +" + src.remaining() + ") beyond device size " + size);
    }
    int len = src.remaining();
    try {
      if (direct != null) {
        direct.write(offset, src);
        return;
      }
      long pos = offset;
      while (src.hasRemaining()) pos += ch.write(src, pos);
    } catch (BlobfsException e) {
      throw e;
    } catch (IOException e) {
      throw hostFullOr(e, len);
    }
  }

  @Override
  public void flush() throws IOException {
    if (readOnly) return;
    try {
      if (!NativeIo.fdatasync(fd)) ch.force(false);
    } catch (IOException e) {
      throw hostFullOr(e, blockSize); // delayed allocation reports ENOSPC at the flush
    }
  }

  /**
   * A write error on an image file whose file system has less room than the write needed is out of
   * space: decided by the file system's free space, since Java reports ENOSPC only as message text.
   */
  private IOException hostFullOr(IOException e, long needed) {
    if (store == null) return e;
    try {
      long free = store.getUsableSpace();
      if (free < Math.max(needed, blockSize)) {
        return new BlobfsNoSpaceException("the file system holding the image is full (" + free + " bytes free)", e);
      }
    } catch (IOException suppressed) {
      e.addSuppressed(suppressed);
    }
    return e;
  }

  @Override
  public boolean tryUnmap(long offset, long length) throws IOException {
    if (readOnly) throw new ReadOnlyException("device is open read-only");
    if (blockDevice) return false;
    if (direct != null) return direct.underSharedLocks(offset, length, () -> NativeIo.punchHole(fd, offset, length));
    return NativeIo.punchHole(fd, offset, length);
  }

  @Override
  public void discard(long offset, long length) throws IOException {
    if (tryUnmap(offset, length)) return;
    ByteBuffer zeros = ByteBuffer.allocate((int) Math.min(ZERO_CHUNK, length));
    long pos = offset;
    long end = offset + length;
    while (pos < end) {
      zeros.clear().limit((int) Math.min(zeros.capacity(), end - pos));
      write(pos, zeros);
      pos += zeros.limit();
    }
  }

  /**
   * Closes the descriptors, which releases the lock. Idempotent: a second close must not close a
   * descriptor number the process has since reused (another open's, with its lock).
   */
  @Override
  public void close() throws IOException {
    if (closed.getAndSet(true)) {
      return;
    }
    NativeIo.close(fd);
    ch.close();
  }
}
