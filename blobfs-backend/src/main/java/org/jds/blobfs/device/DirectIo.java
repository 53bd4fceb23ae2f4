package org.jds.blobfs.device;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * The read/write half of an O_DIRECT {@link FileBlockDevice}: byte-addressed requests on a channel
 * opened with {@code ExtendedOpenOption.DIRECT}, which only accepts offsets, lengths and buffer
 * addresses that are multiples of {@link #align}. Requests that already are (an aligned direct
 * buffer at an aligned offset) go straight to the channel; all others go through a per-thread
 * aligned bounce buffer, in chunks of at most {@link #CHUNK} bytes. A write that covers only part
 * of its first or last aligned block reads that block first (read-modify-write).
 *
 * <p>Locking: blocks map to {@link #STRIPES} read-write locks (block index modulo STRIPES). A
 * read-modify-write holds the write lock of its partial blocks, every other written block is held
 * under the read lock, so two writers sharing a block can never both read it and lose one
 * update, while whole-block writes (and hole punches) still run in parallel. Locks are taken in
 * stripe order. Reads take no lock.
 */
final class DirectIo {
  /** Largest bounce buffer (and so the largest single channel request of the bounce path). */
  static final int CHUNK = 1 << 20;
  static final int STRIPES = 64;

  private final FileChannel ch;
  private final int align;
  private final ReentrantReadWriteLock[] stripes = new ReentrantReadWriteLock[STRIPES];
  private final ThreadLocal<ByteBuffer> bounce = new ThreadLocal<>();

  DirectIo(FileChannel ch, int align) {
    if (align <= 0 || Integer.bitCount(align) != 1 || align > CHUNK) {
      throw new IllegalArgumentException("direct I/O alignment must be a power of two <= " + CHUNK + ": " + align);
    }
    this.ch = ch;
    this.align = align;
    for (int i = 0; i < STRIPES; i++) stripes[i] = new ReentrantReadWriteLock();
  }

  int align() {
    return align;
  }

  /** Reads {@code dst.remaining()} bytes at {@code offset}; bytes past the end of file read as 0. */
  void read(long offset, ByteBuffer dst) throws IOException {
    if (isAligned(offset, dst)) {
      readFully(offset, dst);
      zeroFill(dst); // end of file
      return;
    }
    long pos = offset;
    while (dst.hasRemaining()) {
      long start = pos & -align;
      int lead = (int) (pos - start);
      int n = Math.min(dst.remaining(), CHUNK - lead);
      ByteBuffer b = bounce(roundUp(lead + n));
      readFully(start, b);
      int avail = Math.max(0, Math.min(n, b.position() - lead));
      dst.put(b.limit(lead + avail).position(lead));
      if (avail < n) {
        zeroFill(dst); // end of file
        return;
      }
      pos += n;
    }
  }

  /** Writes all of {@code src} at {@code offset} (bounds were checked by the device). */
  void write(long offset, ByteBuffer src) throws IOException {
    if (isAligned(offset, src)) {
      Lock[] held = lock(offset / align, (offset + src.remaining()) / align - 1, false, false);
      try {
        writeFully(offset, src);
      } finally {
        unlock(held);
      }
      return;
    }
    long pos = offset;
    while (src.hasRemaining()) {
      long start = pos & -align;
      int lead = (int) (pos - start);
      int n = Math.min(src.remaining(), CHUNK - lead);
      int span = roundUp(lead + n);
      boolean headPartial = lead != 0;
      boolean tailPartial = lead + n != span;
      long first = start / align;
      long last = first + span / align - 1;
      Lock[] held = lock(first, last, headPartial, tailPartial);
      try {
        ByteBuffer b = bounce(span);
        if (headPartial) readBlock(b, 0, start);
        if (tailPartial && !(headPartial && first == last)) readBlock(b, span - align, start + span - align);
        ByteBuffer part = src.slice(src.position(), n);
        b.clear().position(lead);
        b.put(part);
        b.clear().limit(span);
        writeFully(start, b);
      } finally {
        unlock(held);
      }
      src.position(src.position() + n);
      pos += n;
    }
  }

  /**
   * Runs a change made outside this class (a hole punch) on {@code [offset, offset + length)} under
   * the shared locks of its blocks, so that it cannot fall between the read and the write of a
   * read-modify-write on a block it shares (which would bring the old bytes back).
   */
  boolean underSharedLocks(long offset, long length, IoCall call) throws IOException {
    if (length <= 0) return call.run();
    Lock[] held = lock(offset / align, (offset + length - 1) / align, false, false);
    try {
      return call.run();
    } finally {
      unlock(held);
    }
  }

  /** An I/O call for {@link #underSharedLocks}. */
  interface IoCall {
    boolean run() throws IOException;
  }

  private boolean isAligned(long offset, ByteBuffer buf) {
    return buf.isDirect()
        && (offset & (align - 1)) == 0
        && (buf.remaining() & (align - 1)) == 0
        && buf.alignmentOffset(buf.position(), align) == 0;
  }

  private int roundUp(int n) {
    return (n + align - 1) & -align;
  }

  /** This thread's aligned bounce buffer, cleared with limit {@code n}. */
  private ByteBuffer bounce(int n) {
    ByteBuffer b = bounce.get();
    if (b == null || b.capacity() < n) {
      int cap = Math.max(n, Math.min(CHUNK, 64 * 1024));
      b = ByteBuffer.allocateDirect(cap + align).alignedSlice(align);
      bounce.set(b);
    }
    b.clear().limit(n);
    return b;
  }

  /**
   * Fills {@code b} from file offset {@code pos} until it is full or the file ends (a short
   * O_DIRECT read happens only at the end of the file); {@code b.position()} tells how far it got.
   */
  private void readFully(long pos, ByteBuffer b) throws IOException {
    int start = b.position();
    while (b.hasRemaining()) {
      int n = ch.read(b, pos + (b.position() - start));
      if (n <= 0 || (n & (align - 1)) != 0) return;
    }
  }

  /** Reads one aligned block at file offset {@code pos} into {@code b[at, at + align)}. */
  private void readBlock(ByteBuffer b, int at, long pos) throws IOException {
    b.limit(at + align).position(at);
    readFully(pos, b);
    zeroFill(b); // a block past the end of the file reads as zeros
  }

  private void writeFully(long pos, ByteBuffer b) throws IOException {
    long p = pos;
    while (b.hasRemaining()) {
      int n = ch.write(b, p);
      if ((n & (align - 1)) != 0 && b.hasRemaining()) {
        throw new IOException("short O_DIRECT write at " + p + ": " + n + " bytes");
      }
      p += n;
    }
  }

  private static void zeroFill(ByteBuffer b) {
    while (b.remaining() >= 8) b.putLong(0);
    while (b.hasRemaining()) b.put((byte) 0);
  }

  /**
   * Locks blocks {@code [first, last]}: exclusively the first block when {@code headRmw} and the
   * last when {@code tailRmw}, shared for the others. Returns the locks taken, in order.
   */
  private Lock[] lock(long first, long last, boolean headRmw, boolean tailRmw) {
    byte[] mode = new byte[STRIPES]; // 0 none, 1 shared, 2 exclusive
    if (last - first + 1 >= STRIPES) {
      java.util.Arrays.fill(mode, (byte) 1);
    } else {
      for (long blk = first; blk <= last; blk++) mode[stripe(blk)] = 1;
    }
    if (headRmw) mode[stripe(first)] = 2;
    if (tailRmw) mode[stripe(last)] = 2;
    int count = 0;
    for (byte m : mode) if (m != 0) count++;
    Lock[] held = new Lock[count];
    int k = 0;
    for (int i = 0; i < STRIPES; i++) {
      if (mode[i] == 0) continue;
      Lock l = mode[i] == 2 ? stripes[i].writeLock() : stripes[i].readLock();
      l.lock();
      held[k++] = l;
    }
    return held;
  }

  private static int stripe(long block) {
    return (int) Math.floorMod(block, (long) STRIPES);
  }

  private static void unlock(Lock[] held) {
    for (int i = held.length - 1; i >= 0; i--) held[i].unlock();
  }
}
