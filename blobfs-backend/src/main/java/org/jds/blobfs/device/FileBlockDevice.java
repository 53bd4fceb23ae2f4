package org.jds.blobfs.device;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.jds.blobfs.InvalidArgumentException;
import org.jds.blobfs.NotFoundException;
import org.jds.blobfs.ReadOnlyException;

/**
 * A regular file or raw block device accessed with positional FileChannel I/O (buffered, no
 * O_DIRECT). Thread-safe: all I/O is positional. A read-only instance opens the file without write
 * access, so the kernel itself guarantees that read-only paths never modify the image.
 */
public final class FileBlockDevice implements BlockDevice {
  private static final int ZERO_CHUNK = 1 << 20;

  private final FileChannel ch;
  private final boolean readOnly;
  private final long size;
  private final int blockSize;
  private final boolean blockDevice;
  /** Helper fd for fdatasync/fallocate/ioctl, or -1 when jnr-ffi is unavailable. */
  private final int fd;

  private FileBlockDevice(FileChannel ch, boolean readOnly, long size, int blockSize, boolean blk, int fd) {
    this.ch = ch;
    this.readOnly = readOnly;
    this.size = size;
    this.blockSize = blockSize;
    this.blockDevice = blk;
    this.fd = fd;
  }

  /** Opens an existing file or block device. */
  public static FileBlockDevice open(Path path, boolean readOnly, int blockSize) throws IOException {
    if (blockSize != 512 && blockSize != 4096) {
      throw new InvalidArgumentException("block size must be 512 or 4096: " + blockSize);
    }
    FileChannel ch;
    try {
      ch = readOnly
          ? FileChannel.open(path, StandardOpenOption.READ)
          : FileChannel.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE);
    } catch (java.nio.file.NoSuchFileException e) {
      throw new NotFoundException("no such image or device: " + path);
    }
    boolean blk = !Files.isRegularFile(path);
    int fd = NativeIo.open(path.toString(), !readOnly);
    long size;
    if (blk) {
      size = NativeIo.blockDeviceSize(fd);
      if (size < 0) size = ch.size(); // some kernels report it via lseek(SEEK_END)
    } else {
      size = ch.size();
    }
    return new FileBlockDevice(ch, readOnly, size, blockSize, blk, fd);
  }

  /** Creates (sparse) or extends a regular file to {@code size} bytes and opens it writable. */
  public static FileBlockDevice create(Path path, long size, int blockSize) throws IOException {
    try (FileChannel c =
        FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
      if (c.size() < size) {
        c.write(ByteBuffer.allocate(1), size - 1); // sparse: only the last byte is written
      }
    }
    return open(path, false, blockSize);
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
    long pos = offset;
    while (src.hasRemaining()) pos += ch.write(src, pos);
  }

  @Override
  public void flush() throws IOException {
    if (readOnly) return;
    if (!NativeIo.fdatasync(fd)) ch.force(false);
  }

  @Override
  public boolean tryUnmap(long offset, long length) throws IOException {
    if (readOnly) throw new ReadOnlyException("device is open read-only");
    return !blockDevice && NativeIo.punchHole(fd, offset, length);
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

  @Override
  public void close() throws IOException {
    NativeIo.close(fd);
    ch.close();
  }
}
