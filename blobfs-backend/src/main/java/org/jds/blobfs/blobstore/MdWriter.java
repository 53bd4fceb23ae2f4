package org.jds.blobfs.blobstore;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import org.jds.blobfs.InvalidArgumentException;
import org.jds.blobfs.BlobfsNoSpaceException;
import org.jds.blobfs.ReadOnlyException;

/**
 * The metadata write path of a {@link Blobstore}: resize, persist, thin cluster allocation and
 * delete, with SPDK's allocation policy (lowest free cluster, extent pages from md page 1, chain
 * pages from md page 0). Called with the store lock held.
 *
 * <p><b>Crash ordering</b> (every step is a positional write). "Barrier" is {@link
 * org.jds.blobfs.device.BlockDevice#barrier()}, ordering only: what follows it never reaches the
 * disk before what preceded it. "Flush" is {@link org.jds.blobfs.device.BlockDevice#flush()},
 * durable. A device may make barriers free against power loss (see {@link
 * org.jds.blobfs.device.BarrierPolicy}); flushes it never skips.
 * <ol>
 *   <li>Before the first md write after load, the super block is rewritten with clean=0 and
 *       flushed, so any crash afterwards makes the next load (ours or SPDK's) run recovery, which
 *       trusts only md pages reachable from valid root pages.
 *   <li>Persisting a blob: grown extent pages are rewritten in place, new non-root chain pages go
 *       to free md pages (old ones stay untouched), barrier, then the root page is rewritten in
 *       place: that single 4 KiB write is the commit point. After a barrier (when anything is
 *       released) the old chain pages are
 *       zeroed and released, shrunk extent pages rewritten, and truncated clusters unmapped and
 *       released. A crash before the root write leaves the old chain intact (new pages are
 *       unreachable strays); a crash after it leaves garbage that recovery ignores or marks used.
 *   <li>Delete zeroes the root page first (the commit), barrier, then chain and extent pages,
 *       then unmaps clusters.
 *   <li>Clusters freed in memory are never reused before the root write that frees them.
 *   <li>Clean unload writes the page, blob-id and cluster masks, flush, then the super block
 *       with clean=1, flush. Masks are only trusted when clean=1, so they must be durable (not
 *       only ordered) first. Any super block write is followed by a flush.
 * </ol>
 */
final class MdWriter {
  static final int PAGE = Blobstore.PAGE;
  private final Blobstore bs;

  MdWriter(Blobstore bs) {
    this.bs = bs;
  }

  /**
   * Deletes a blob's metadata and data: the root page is zeroed first (the commit: recovery no
   * longer sees the blob), then its chain and extent pages, then its clusters are cleared; last
   * the in-memory masks release everything.
   */
  void delete(BlobMeta m) throws IOException {
    bs.markDirty();
    byte[] zero = new byte[PAGE];
    bs.dev.write(bs.mdPageByte(m.rootPage()), ByteBuffer.wrap(zero));
    // the commit before what it releases: a root that outlives the release would name zeroed pages
    bs.dev.barrier();
    for (int i = 1; i < m.pages.length; i++) bs.dev.write(bs.mdPageByte(m.pages[i]), ByteBuffer.wrap(zero));
    for (int ep : m.persistedExtentPages) if (ep != 0) bs.dev.write(bs.mdPageByte(ep), ByteBuffer.wrap(zero));
    for (int ep : m.extentPages) if (ep != 0) bs.dev.write(bs.mdPageByte(ep), ByteBuffer.wrap(zero));
    int[] freed = unionNonZero(m.persistedClusters, m.clusters);
    clearClusters(m, freed);
    for (int p : m.pages) bs.usedPages.clear(p);
    for (int ep : m.persistedExtentPages) if (ep != 0) bs.usedPages.clear(ep);
    for (int ep : m.extentPages) if (ep != 0) bs.usedPages.clear(ep);
    for (int c : freed) bs.usedClusters.clear(c);
    bs.usedBlobIds.clear(m.rootPage());
  }

  private static int[] unionNonZero(int[] a, int[] b) {
    BitSet s = new BitSet();
    for (int c : a) if (c != 0) s.set(c);
    for (int c : b) if (c != 0) s.set(c);
    return s.stream().toArray();
  }

  /**
   * Clears released device clusters, in ascending order, per the blob's clear method: UNMAP and
   * DEFAULT unmap where the device can (best effort), WRITE_ZEROES writes zeros, NONE leaves them.
   */
  private void clearClusters(BlobMeta m, int[] sorted) throws IOException {
    int method = (int) (m.mdRoFlags & BlobMeta.MD_RO_FLAGS_MASK);
    if (method == BlobOptions.CLEAR_NONE) return;
    for (int i = 0; i < sorted.length; ) {
      int j = i;
      while (j + 1 < sorted.length && sorted[j + 1] == sorted[j] + 1) j++;
      long off = (long) sorted[i] * bs.clusterSize;
      long len = (long) (j - i + 1) * bs.clusterSize;
      if (method == BlobOptions.CLEAR_WRITE_ZEROES) bs.dev.discard(off, len);
      else bs.dev.tryUnmap(off, len);
      i = j + 1;
    }
  }

  /**
   * spdk_blob_resize (in memory until the next persist). Thick bs.blobs claim clusters lowest-first
   * now and extent pages from md page 1; a shrink releases nothing until persisted.
   */
  void resize(BlobMeta m, long n) throws IOException {
    if (m.mdRo) throw new ReadOnlyException(String.format("blob 0x%x metadata is read-only", m.id));
    if (n < 0 || n > Integer.MAX_VALUE) throw new InvalidArgumentException("bad cluster count " + n);
    if (n > Math.max(bs.totalClusters * 16L, 1L << 20)) {
      // the loader refuses larger blobs as corrupt (memory bound), so never write one
      throw new BlobfsNoSpaceException("blob of " + n + " clusters exceeds 16x the store");
    }
    int cur = m.clusters.length;
    if (n == cur) return;
    int oldEp = m.extentPages.length;
    int newEp = m.useExtentTable ? BlobMeta.extentPagesFor(n) : 0;
    if (n > cur && !m.thin()) {
      long need = n - cur;
      long free = bs.totalClusters - bs.usedClusters.cardinality();
      if (need > free) {
        throw new BlobfsNoSpaceException("no space left on device: need " + need + " clusters, " + free + " free");
      }
      int pagesNeeded = Math.max(0, newEp - oldEp);
      int p = 0;
      for (int i = 0; i < pagesNeeded; i++) {
        p = bs.usedPages.nextClearBit(Math.max(1, p));
        if (p >= bs.sb.mdLen) throw bs.metadataFull("an extent page");
        p++;
      }
    }
    int[] clusters = Arrays.copyOf(m.clusters, (int) n);
    int[] eps = Arrays.copyOf(m.extentPages, newEp);
    if (n > cur && !m.thin()) {
      int lowest = 0;
      for (int i = cur; i < n; i++) {
        int c = bs.usedClusters.nextClearBit(lowest);
        bs.usedClusters.set(c);
        clusters[i] = c;
        lowest = c + 1;
        int k = i / ExtentPageCodec.EXTENTS_PER_PAGE;
        if (m.useExtentTable && eps[k] == 0) {
          int p = bs.usedPages.nextClearBit(1);
          bs.usedPages.set(p);
          eps[k] = p;
        }
      }
    }
    m.clusters = clusters;
    m.extentPages = eps;
    if (m.useExtentTable) {
      for (int k = Math.max(1, Math.min(oldEp, newEp)) - 1; k < newEp; k++) {
        if (eps[k] != 0) m.dirtyExtentPages.set(k);
      }
    }
    m.dirty = true;
  }

  /** blob_persist with the crash ordering described in the class comment. */
  void persist(BlobMeta m) throws IOException {
    if (!m.dirty) return;
    bs.markDirty();
    boolean shrunk = m.clusters.length < m.persistedClusters.length;
    boolean wroteBeforeRoot = false;
    if (!shrunk) wroteBeforeRoot = writeDirtyExtentPages(m);
    List<byte[]> pages = BlobSerializer.serialize(m);
    int[] idx = new int[pages.size()];
    idx[0] = m.rootPage();
    for (int i = 1; i < idx.length; i++) {
      int p = bs.usedPages.nextClearBit(0);
      if (p >= bs.sb.mdLen) {
        for (int j = 1; j < i; j++) bs.usedPages.clear(idx[j]);
        throw bs.metadataFull("a metadata chain page");
      }
      bs.usedPages.set(p);
      idx[i] = p;
    }
    for (int i = 0; i < idx.length; i++) MdPage.seal(pages.get(i), i + 1 < idx.length ? idx[i + 1] : MdPage.INVALID_PAGE);
    for (int i = 1; i < idx.length; i++) bs.dev.write(bs.mdPageByte(idx[i]), ByteBuffer.wrap(pages.get(i)));
    if (wroteBeforeRoot || idx.length > 1) bs.dev.barrier(); // everything the root names reaches the disk first
    bs.dev.write(bs.mdPageByte(idx[0]), ByteBuffer.wrap(pages.get(0))); // commit point
    boolean releases = m.pages.length > 1 || shrunk || m.persistedExtentPages.length > m.extentPages.length;
    if (releases) bs.dev.barrier(); // the commit before the old chain and clusters are released
    byte[] zero = new byte[PAGE];
    for (int i = 1; i < m.pages.length; i++) {
      bs.dev.write(bs.mdPageByte(m.pages[i]), ByteBuffer.wrap(zero));
      bs.usedPages.clear(m.pages[i]);
    }
    for (int i = 1; i < idx.length; i++) bs.usedPages.set(idx[i]); // in case an old page index was reused
    if (shrunk) writeDirtyExtentPages(m);
    if (m.persistedClusters.length > m.clusters.length) {
      BitSet keep = new BitSet();
      for (int c : m.clusters) if (c != 0) keep.set(c);
      BitSet gone = new BitSet();
      for (int i = m.clusters.length; i < m.persistedClusters.length; i++) {
        int c = m.persistedClusters[i];
        if (c != 0 && !keep.get(c)) gone.set(c);
      }
      int[] sorted = gone.stream().toArray();
      clearClusters(m, sorted);
      for (int c : sorted) bs.usedClusters.clear(c);
    }
    for (int k = m.extentPages.length; k < m.persistedExtentPages.length; k++) {
      int ep = m.persistedExtentPages[k];
      if (ep != 0) {
        bs.dev.write(bs.mdPageByte(ep), ByteBuffer.wrap(zero));
        bs.usedPages.clear(ep);
      }
    }
    m.pages = idx;
    m.markPersisted();
    if ((m.dataRoFlags & BlobMeta.DATA_RO_READ_ONLY) != 0) {
      m.dataRo = true;
      m.mdRo = true;
    }
  }

  private boolean writeDirtyExtentPages(BlobMeta m) throws IOException {
    boolean any = false;
    for (int k = m.dirtyExtentPages.nextSetBit(0); k >= 0; k = m.dirtyExtentPages.nextSetBit(k + 1)) {
      if (k >= m.extentPages.length || m.extentPages[k] == 0) continue;
      bs.dev.write(bs.mdPageByte(m.extentPages[k]), ByteBuffer.wrap(BlobSerializer.extentPage(m, k)));
      any = true;
    }
    m.dirtyExtentPages.clear();
    return any;
  }

  /**
   * First write to an unallocated cluster of a thin blob: claim the lowest free cluster, fill it
   * (parent snapshot data or zeros), then publish it in the extent page (plus the chain when the
   * extent page is new, or for RLE bs.blobs). Returns the device cluster.
   */
  int allocateThinCluster(BlobMeta m, int k) throws IOException {
    bs.markDirty();
    int c = bs.usedClusters.nextClearBit(bs.numMdClusters);
    if (c >= bs.totalClusters) throw new BlobfsNoSpaceException("no space left on device: no free cluster");
    bs.usedClusters.set(c);
    try {
      if (m.parentId != SuperBlock.BLOBID_INVALID) {
        byte[] buf = new byte[bs.clusterSize];
        bs.readMapped(m, (long) k * bs.clusterSize, buf, 0, bs.clusterSize);
        bs.dev.write((long) c * bs.clusterSize, ByteBuffer.wrap(buf));
      } else {
        bs.dev.discard((long) c * bs.clusterSize, bs.clusterSize);
      }
    } catch (IOException e) {
      bs.usedClusters.clear(c);
      throw e;
    }
    m.clusters[k] = c;
    boolean inPersisted = k < m.persistedClusters.length;
    if (m.useExtentTable) {
      int ep = k / ExtentPageCodec.EXTENTS_PER_PAGE;
      if (m.extentPages[ep] == 0) {
        int p = bs.usedPages.nextClearBit(1);
        if (p >= bs.sb.mdLen) {
          m.clusters[k] = 0;
          bs.usedClusters.clear(c);
          throw bs.metadataFull("an extent page");
        }
        bs.usedPages.set(p);
        m.extentPages[ep] = p;
        bs.dev.write(bs.mdPageByte(p), ByteBuffer.wrap(BlobSerializer.extentPage(m, ep)));
        m.dirty = true;
        persist(m);
      } else if (inPersisted && !m.dirty) {
        bs.dev.write(bs.mdPageByte(m.extentPages[ep]), ByteBuffer.wrap(BlobSerializer.extentPage(m, ep)));
        m.persistedClusters[k] = c;
      } else {
        m.dirtyExtentPages.set(ep);
        m.dirty = true;
        persist(m);
      }
    } else {
      m.dirty = true;
      persist(m);
    }
    return c;
  }
}
