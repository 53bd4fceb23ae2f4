package org.jds.blobfs.blobstore;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.jds.blobfs.BlobfsException;
import org.jds.blobfs.InvalidArgumentException;
import org.jds.blobfs.BlobfsNoSpaceException;
import org.jds.blobfs.BlobfsNotFoundException;
import org.jds.blobfs.ReadOnlyException;

/**
 * An open handle on a blob (spdk_blob). Several handles may share one blob; metadata changes are
 * in memory until {@link #syncMd()} or {@link #close()}. Thread-safe (see {@link Blobstore}).
 */
public final class Blob implements Closeable {
  /** Largest descriptor: the whole descriptor area of one md page. */
  static final int MAX_DESCRIPTOR = MdPage.DESCRIPTORS_LEN;

  private final Blobstore bs;
  private final BlobMeta m;
  private boolean closed;

  Blob(Blobstore bs, BlobMeta m) {
    this.bs = bs;
    this.m = m;
  }

  public long id() {
    return m.id;
  }

  private void checkOpen() throws InvalidArgumentException {
    if (closed) throw new InvalidArgumentException(String.format("blob 0x%x handle is closed", m.id));
  }

  public long numClusters() {
    synchronized (bs.lock) {
      return m.clusters.length;
    }
  }

  public long numAllocatedClusters() {
    synchronized (bs.lock) {
      return m.numAllocated();
    }
  }

  /** Size in bytes: num_clusters * cluster_size. */
  public long size() {
    synchronized (bs.lock) {
      return (long) m.clusters.length * bs.clusterSize;
    }
  }

  public long numIoUnits() {
    return size() / bs.ioUnit;
  }

  public boolean isThin() {
    synchronized (bs.lock) {
      return m.thin();
    }
  }

  public boolean isReadOnly() {
    synchronized (bs.lock) {
      return m.dataRo;
    }
  }

  /** Parent snapshot id, or -1 when the blob is not a clone. */
  public long parentId() {
    synchronized (bs.lock) {
      return m.parentId;
    }
  }

  // ---------------------------------------------------------------- xattrs

  /** User xattr names in on-disk order (spdk_blob_get_xattr_names). */
  public List<String> xattrNames() {
    synchronized (bs.lock) {
      return new ArrayList<>(m.xattrs.keySet());
    }
  }

  /** The xattr's value, or null if the blob has none of that name (for scans: no exception). */
  public byte[] xattrOrNull(String name) {
    synchronized (bs.lock) {
      byte[] v = m.xattrs.get(name);
      return v == null ? null : v.clone();
    }
  }

  public byte[] getXattr(String name) throws BlobfsNotFoundException {
    synchronized (bs.lock) {
      byte[] v = m.xattrs.get(name);
      if (v == null) throw new BlobfsNotFoundException("no xattr '" + name + "'");
      return v.clone();
    }
  }

  public void setXattr(String name, byte[] value) throws IOException {
    synchronized (bs.lock) {
      checkOpen();
      bs.checkWritable();
      setXattr(m, name, value, false);
    }
  }

  public void removeXattr(String name) throws IOException {
    synchronized (bs.lock) {
      checkOpen();
      bs.checkWritable();
      if (m.mdRo) throw new ReadOnlyException(String.format("blob 0x%x metadata is read-only", m.id));
      if (m.xattrs.remove(name) == null) throw new BlobfsNotFoundException("no xattr '" + name + "'");
      m.dirty = true;
    }
  }

  /** Internal xattrs (type 4) are hidden from the user API; exposed for tools and tests. */
  public byte[] getInternalXattr(String name) throws BlobfsNotFoundException {
    synchronized (bs.lock) {
      byte[] v = m.internalXattrs.get(name);
      if (v == null) throw new BlobfsNotFoundException("no internal xattr '" + name + "'");
      return v.clone();
    }
  }

  /** Sets an internal xattr (type 4; sets invalid_flags bit 1, so older SPDK refuses the blob). */
  public void setInternalXattr(String name, byte[] value) throws IOException {
    synchronized (bs.lock) {
      checkOpen();
      bs.checkWritable();
      setXattr(m, name, value, true);
    }
  }

  /** Removes an internal xattr; the INTERNAL_XATTR flag is cleared with the last one. */
  public void removeInternalXattr(String name) throws IOException {
    synchronized (bs.lock) {
      checkOpen();
      bs.checkWritable();
      if (m.mdRo) throw new ReadOnlyException(String.format("blob 0x%x metadata is read-only", m.id));
      if (m.internalXattrs.remove(name) == null) throw new BlobfsNotFoundException("no internal xattr '" + name + "'");
      if (m.internalXattrs.isEmpty()) m.invalidFlags &= ~BlobMeta.FLAG_INTERNAL_XATTR;
      m.dirty = true;
    }
  }

  static void setXattr(BlobMeta m, String name, byte[] value, boolean internal) throws BlobfsException {
    if (m.mdRo) throw new ReadOnlyException(String.format("blob 0x%x metadata is read-only", m.id));
    byte[] n = name.getBytes(StandardCharsets.ISO_8859_1);
    if (n.length > 0xffff || value.length > 0xffff || XattrCodec.size(n, value) > MAX_DESCRIPTOR) {
      throw new BlobfsNoSpaceException("xattr '" + name + "' does not fit in one md page");
    }
    (internal ? m.internalXattrs : m.xattrs).put(name, value.clone());
    if (internal) m.invalidFlags |= BlobMeta.FLAG_INTERNAL_XATTR;
    m.dirty = true;
  }

  /** spdk_blob_set_read_only: takes effect (data and md read-only) at the next sync. */
  public void setReadOnly() throws IOException {
    synchronized (bs.lock) {
      checkOpen();
      bs.checkWritable();
      m.dataRoFlags |= BlobMeta.DATA_RO_READ_ONLY;
      m.dirty = true;
    }
  }

  // ---------------------------------------------------------------- size and md

  /** spdk_blob_resize: in memory until syncMd/close. */
  public void resize(long numClusters) throws IOException {
    synchronized (bs.lock) {
      checkOpen();
      bs.checkWritable();
      bs.writer.resize(m, numClusters);
    }
  }

  /** spdk_blob_sync_md: persists metadata if it changed. */
  public void syncMd() throws IOException {
    synchronized (bs.lock) {
      checkOpen();
      if (!m.dirty) return;
      bs.checkWritable();
      bs.writer.persist(m);
    }
  }

  // ---------------------------------------------------------------- data

  /** Reads {@code len} bytes at blob byte {@code offset}; the range must lie inside the blob. */
  public void read(long offset, byte[] buf, int off, int len) throws IOException {
    checkRange(offset, len);
    List<long[]> segs = new ArrayList<>();
    synchronized (bs.lock) {
      bs.mapRead(m, offset, len, segs);
    }
    bs.readExtents(coalesce(segs), buf, off);
  }

  /**
   * Merges segments that are adjacent on the device (clusters allocated in a row), so a read or
   * write of a multi-cluster range is one device call instead of one per cluster. Holes (offset
   * -1) are kept apart.
   */
  static List<long[]> coalesce(List<long[]> segs) {
    if (segs.size() < 2) return segs;
    List<long[]> out = new ArrayList<>(segs.size());
    long[] cur = null;
    for (long[] s : segs) {
      if (cur != null && cur[0] >= 0 && s[0] >= 0 && cur[0] + cur[1] == s[0] && cur[1] + s[1] <= Integer.MAX_VALUE) {
        cur[1] += s[1];
      } else {
        cur = new long[] {s[0], s[1]};
        out.add(cur);
      }
    }
    return out;
  }

  /**
   * Writes at blob byte {@code offset}; thin blobs allocate clusters on first write. The whole
   * range is mapped under the store lock, then written outside it, one device call per run of
   * device-contiguous clusters.
   */
  public void write(long offset, byte[] buf, int off, int len) throws IOException {
    checkRange(offset, len);
    int cs = bs.clusterSize;
    List<long[]> segs = new ArrayList<>();
    IOException failed = null;
    synchronized (bs.lock) {
      checkOpen();
      bs.checkWritable();
      if (m.dataRo) throw new ReadOnlyException(String.format("blob 0x%x is read-only", m.id));
      long o = offset;
      try {
        int left = len;
        while (left > 0) {
          int k = (int) (o / cs);
          int within = (int) (o % cs);
          int n = Math.min(left, cs - within);
          if (k >= m.clusters.length) throw new InvalidArgumentException("blob shrank during the write");
          int c = m.clusters[k];
          if (c == 0) {
            if (!m.thin()) throw new InvalidArgumentException("unallocated cluster in a thick blob");
            c = bs.writer.allocateThinCluster(m, k);
          }
          segs.add(new long[] {(long) c * cs + within, n});
          o += n;
          left -= n;
        }
      } catch (IOException e) {
        failed = e; // as before the mapping was batched: the clusters mapped so far are written
      }
    }
    for (long[] s : coalesce(segs)) {
      int n = (int) s[1];
      bs.dev.write(s[0], ByteBuffer.wrap(buf, off, n));
      off += n;
    }
    if (failed != null) throw failed;
  }

  /** Reads whole io units (spdk_blob_io_read). */
  public void readIoUnits(long ioUnit, int count, byte[] buf) throws IOException {
    read(ioUnit * bs.ioUnit, buf, 0, Math.multiplyExact(count, bs.ioUnit));
  }

  /** Writes whole io units (spdk_blob_io_write). */
  public void writeIoUnits(long ioUnit, int count, byte[] buf) throws IOException {
    write(ioUnit * bs.ioUnit, buf, 0, Math.multiplyExact(count, bs.ioUnit));
  }

  private void checkRange(long offset, int len) throws InvalidArgumentException {
    checkOpen();
    if (offset < 0 || len < 0 || offset + len > size()) {
      throw new InvalidArgumentException(
          String.format("I/O [%d, +%d) beyond blob 0x%x of %d bytes", offset, len, m.id, size()));
    }
  }

  /** Flushes device caches: data written so far becomes durable (the device's flush). */
  public void flush() throws IOException {
    if (!bs.readOnly) bs.dev.flush();
  }

  /** Orders data written so far before later writes, without waiting (the device's barrier). */
  public void barrier() throws IOException {
    if (!bs.readOnly) bs.dev.barrier();
  }

  /** spdk_blob_close: persists dirty metadata, then drops this handle. */
  @Override
  public void close() throws IOException {
    synchronized (bs.lock) {
      if (closed) return;
      try {
        if (m.dirty && !bs.readOnly) bs.writer.persist(m);
      } finally {
        closed = true;
        m.openCount--;
      }
    }
  }
}
