package org.jds.blobfs.device;

import java.nio.ByteBuffer;
import java.util.Arrays;
import org.jds.blobfs.InvalidArgumentException;
import org.jds.blobfs.ReadOnlyException;

/** A device in a heap array (tests, fuzzing, tools working on copies). Thread-safe. */
public final class MemoryBlockDevice implements BlockDevice {
  private final byte[] data;
  private final int blockSize;
  private final boolean readOnly;

  public MemoryBlockDevice(byte[] data, int blockSize, boolean readOnly) {
    this.data = data;
    this.blockSize = blockSize;
    this.readOnly = readOnly;
  }

  public MemoryBlockDevice(int size, int blockSize) {
    this(new byte[size], blockSize, false);
  }

  /** The backing array (live, not a copy). */
  public byte[] array() {
    return data;
  }

  @Override
  public long size() {
    return data.length;
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
  public synchronized void read(long offset, ByteBuffer dst) throws InvalidArgumentException {
    if (offset < 0) throw new InvalidArgumentException("negative offset");
    int n = dst.remaining();
    int avail = (int) Math.max(0, Math.min(n, data.length - offset));
    if (avail > 0) dst.put(data, (int) offset, avail);
    while (dst.hasRemaining()) dst.put((byte) 0);
  }

  @Override
  public synchronized void write(long offset, ByteBuffer src) throws InvalidArgumentException, ReadOnlyException {
    if (readOnly) throw new ReadOnlyException("device is read-only");
    if (offset < 0 || offset + src.remaining() > data.length) throw new InvalidArgumentException("write beyond device");
    src.get(data, (int) offset, src.remaining());
  }

  /** Nothing to do: the array is the stable storage. */
  @Override
  public void flush() {}

  @Override
  public void barrier() {}

  @Override
  public boolean tryUnmap(long offset, long length) throws InvalidArgumentException, ReadOnlyException {
    discard(offset, length);
    return true;
  }

  @Override
  public synchronized void discard(long offset, long length) throws InvalidArgumentException, ReadOnlyException {
    if (readOnly) throw new ReadOnlyException("device is read-only");
    if (offset < 0 || offset + length > data.length) throw new InvalidArgumentException("discard beyond device");
    Arrays.fill(data, (int) offset, (int) (offset + length), (byte) 0);
  }

  @Override
  public void close() {}
}
