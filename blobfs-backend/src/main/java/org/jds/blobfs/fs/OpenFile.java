package org.jds.blobfs.fs;

import java.io.IOException;
import org.jds.blobfs.InvalidArgumentException;
import org.jds.blobfs.blobstore.Blob;

/**
 * One open reference of a blobfs file (what spdk_fs_open_file hands out); the shared state lives in
 * {@link FileEntry}. Thread-safe through the file system lock.
 */
final class OpenFile implements BlobFile {
  private final PureBlobFileSystem fs;
  private final FileEntry f;
  private boolean closed;
  private int priority;

  OpenFile(PureBlobFileSystem fs, FileEntry f) {
    this.fs = fs;
    this.f = f;
  }

  private void checkOpen() throws InvalidArgumentException {
    if (closed) throw new InvalidArgumentException("file '" + f.name + "' is not open (EBADF)");
  }

  @Override
  public String name() {
    synchronized (fs.lock) {
      return f.name;
    }
  }

  @Override
  public long id() {
    return f.blobId;
  }

  @Override
  public long length() {
    synchronized (fs.lock) {
      return Math.max(f.appendPos, f.lengthXattr);
    }
  }

  /**
   * Appends. The checks and the cluster allocation happen under the file system lock; the data is
   * written outside it, so other files' reads, appends and namespace changes are not held up by
   * this file's device I/O. One append runs at a time per file ({@link FileEntry#writing}); the
   * new bytes become visible (append position, length) only once they are written.
   */
  @Override
  public void write(long offset, byte[] buf, int off, int len) throws IOException {
    Blob b;
    long end;
    synchronized (fs.lock) {
      checkOpen();
      fs.checkWritable();
      fs.awaitWrite(f);
      if (offset != f.appendPos) {
        throw new InvalidArgumentException("write at " + offset + " but the append position is " + f.appendPos);
      }
      if (len == 0) return;
      end = offset + len;
      long cs = fs.bs.clusterSize();
      long need = (end + cs - 1) / cs;
      if (need > f.blob.numClusters()) {
        f.blob.resize(need); // BlobfsNoSpaceException leaves the file as it was
        f.blob.syncMd();
      }
      b = f.blob;
      f.writing = true;
    }
    boolean ok = false;
    try {
      b.write(offset, buf, off, len);
      ok = true;
    } finally {
      synchronized (fs.lock) {
        if (ok) f.appendPos = end;
        f.writing = false;
        fs.lock.notifyAll();
      }
    }
  }

  @Override
  public long read(long offset, byte[] buf, int off, int len) throws IOException {
    int n;
    Blob b;
    synchronized (fs.lock) {
      checkOpen();
      if (offset < 0 || len < 0) throw new InvalidArgumentException("negative offset or length");
      if (offset >= f.appendPos) return 0;
      n = (int) Math.min(len, f.appendPos - offset);
      b = f.blob;
    }
    b.read(offset, buf, off, n); // outside the fs lock: concurrent readers proceed in parallel
    return n;
  }

  @Override
  public void sync() throws IOException {
    Blob b;
    synchronized (fs.lock) {
      checkOpen();
      if (fs.bs.isReadOnly()) return;
      fs.syncEntry(f, false);
      b = f.blob;
    }
    // always, even if this call wrote nothing: another thread's sync of the same bytes may still
    // be flushing, and this one must not return before they are durable
    b.flush();
  }

  @Override
  public void truncate(long length) throws IOException {
    synchronized (fs.lock) {
      checkOpen();
      fs.checkWritable();
      fs.awaitWrite(f);
      if (length < 0) throw new InvalidArgumentException("negative length");
      if (length == Math.max(f.appendPos, f.lengthXattr)) return;
      long cs = fs.bs.clusterSize();
      fs.syncEntry(f, true);
      f.blob.resize((length + cs - 1) / cs);
      f.blob.setXattr(PureBlobFileSystem.XATTR_LENGTH, PureBlobFileSystem.u64Le(length));
      f.blob.syncMd();
      f.lengthXattr = length;
      f.appendPos = Math.min(f.appendPos, length);
      if (f.appendPos < length) f.appendPos = length;
    }
  }

  @Override
  public void setPriority(int priority) {
    this.priority = priority;
  }

  @Override
  public void close() throws IOException {
    synchronized (fs.lock) {
      checkOpen();
      closed = true;
      fs.release(f);
    }
  }

  @Override
  public String toString() {
    return "BlobFile[" + f.name + ", priority " + priority + "]";
  }
}
