package org.jds.blobfs.blobstore;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.BitSet;

/**
 * Read-ahead over the md region for {@link Blobstore#load}: a miss on page {@code i} reads pages
 * {@code [i, j]} in one device read, where {@code j} is the last page marked used in
 * {@code [i, i + WINDOW)} (just {@code i} if none is), and later requests inside that run are
 * served from memory. Blob ids are loaded in ascending order and SPDK allocates extent and chain
 * pages lowest-free-first, so a load of N one-extent-page blobs costs about 2N / WINDOW reads
 * instead of 2N. The bytes returned are exactly the device's: the mask only bounds how far to read
 * ahead. Valid only while nothing writes md pages, i.e. during load (single-threaded, before the
 * store is returned).
 *
 * <p>The returned array is reused: it is valid until the next call. {@link BlobParser} parses a
 * page (copying what it keeps) before it reads the next, and a fresh 4 KiB array per page was
 * 400 MB of garbage for a load of 100k files.
 */
final class MdReadAhead implements PageSource {
  static final int WINDOW = 64;
  private static final int PAGE = Blobstore.PAGE;

  private final Blobstore bs;
  private final BitSet usedPages;
  /**
   * Direct, so that the device read lands here without the JDK's copy through a temporary buffer;
   * no larger than the md region (small stores, fuzzing).
   */
  private final ByteBuffer buf;
  private int start = -1;
  private int count;
  private final byte[] page = new byte[PAGE];

  MdReadAhead(Blobstore bs, BitSet usedPages) {
    this.bs = bs;
    this.usedPages = usedPages;
    this.buf = ByteBuffer.allocateDirect(Math.max(1, Math.min(WINDOW, bs.mdLen())) * PAGE);
  }

  @Override
  public byte[] readMdPage(int index) throws IOException {
    if (index < start || index >= start + count) {
      int end = (int) Math.min((long) index + WINDOW, bs.mdLen()); // exclusive
      int last = end > index ? usedPages.previousSetBit(end - 1) : -1;
      if (last < index) last = index;
      start = index;
      count = last - index + 1;
      buf.clear().limit(count * PAGE);
      bs.dev.read(bs.mdPageOffset(index), buf);
    }
    buf.get((index - start) * PAGE, page);
    return page;
  }

  @Override
  public long mdPageOffset(int index) {
    return bs.mdPageOffset(index);
  }

  @Override
  public int mdLen() {
    return bs.mdLen();
  }
}
