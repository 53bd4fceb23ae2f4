package org.jds.node.car;

import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** A stream that counts the bytes read and can end early at a limit (a CARv2's data size). */
final class CountingInput extends FilterInputStream {
  private long position;
  private long limit = Long.MAX_VALUE;

  CountingInput(InputStream in) {
    super(in);
  }

  long position() {
    return position;
  }

  /** Reads end at {@code absolute} (an offset from the start of the file). */
  void limitTo(long absolute) {
    this.limit = absolute;
  }

  long limit() {
    return limit;
  }

  @Override
  public int read() throws IOException {
    if (position >= limit) return -1;
    int b = super.read();
    if (b >= 0) position++;
    return b;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    if (position >= limit) return -1;
    int n = super.read(b, off, (int) Math.min(len, limit - position));
    if (n > 0) position += n;
    return n;
  }

  @Override
  public long skip(long n) throws IOException {
    byte[] buf = new byte[(int) Math.min(8192, Math.max(n, 0))];
    long skipped = 0;
    while (skipped < n) {
      int r = read(buf, 0, (int) Math.min(buf.length, n - skipped));
      if (r < 0) break;
      skipped += r;
    }
    return skipped;
  }

  /** Reads up to {@code b.length} bytes; returns how many arrived before the end. */
  int readUpTo(byte[] b) throws IOException {
    int got = 0;
    while (got < b.length) {
      int n = read(b, got, b.length - got);
      if (n < 0) break;
      got += n;
    }
    return got;
  }

  /** Discards {@code n} bytes. */
  void skipFully(long n) throws IOException {
    if (skip(n) < n) throw new EOFException();
  }

  @Override
  public boolean markSupported() {
    return false;
  }
}
