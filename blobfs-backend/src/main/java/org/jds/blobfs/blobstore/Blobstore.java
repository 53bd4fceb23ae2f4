package org.jds.blobfs.blobstore;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jds.blobfs.BlobfsException;
import org.jds.blobfs.BusyException;
import org.jds.blobfs.CorruptMetadataException;
import org.jds.blobfs.InvalidArgumentException;
import org.jds.blobfs.NoSpaceException;
import org.jds.blobfs.NotFoundException;
import org.jds.blobfs.ReadOnlyException;
import org.jds.blobfs.device.BlockDevice;

/**
 * A blobstore in SPDK v25.05's on-disk format: init, load (with dirty recovery), blobs, clean
 * unload.
 *
 * <p><b>Thread safety.</b> All methods are thread-safe. Metadata (masks, blob maps, xattrs, md
 * writes) is serialised by one store lock; data reads and writes hold it only to look up or
 * allocate a cluster and do the device I/O outside it. As in SPDK, a caller must not shrink or
 * delete a blob while other threads still do I/O on it.
 *
 * <p><b>Crash ordering</b> (every step is a positional write; "barrier" = device flush):
 * <ol>
 *   <li>Before the first md write after load, the super block is rewritten with clean=0 and
 *       flushed, so any crash afterwards makes the next load (ours or SPDK's) run recovery, which
 *       trusts only md pages reachable from valid root pages.
 *   <li>Persisting a blob: grown extent pages are rewritten in place, new non-root chain pages go
 *       to free md pages (old ones stay untouched), barrier, then the root page is rewritten in
 *       place: that single 4 KiB write is the commit point. Only then are the old chain pages
 *       zeroed and released, shrunk extent pages rewritten, and truncated clusters unmapped and
 *       released. A crash before the root write leaves the old chain intact (new pages are
 *       unreachable strays); a crash after it leaves garbage that recovery ignores or marks used.
 *   <li>Delete zeroes the root page first (the commit), then chain and extent pages, then
 *       unmaps clusters.
 *   <li>Clusters freed in memory are never reused before the root write that frees them.
 *   <li>Clean unload writes the page, blob-id and cluster masks, barrier, then the super block
 *       with clean=1, barrier. Masks are only trusted when clean=1.
 * </ol>
 */
public final class Blobstore implements Closeable, PageSource {
  static final int PAGE = 4096;

  final Object lock = new Object();
  final BlockDevice dev;
  final SuperBlock sb;
  final long totalClusters;
  final int clusterSize;
  final int ioUnit;
  final int numMdClusters;
  final boolean readOnly;
  private final boolean wasClean;
  private final boolean recovered;
  BitSet usedPages;
  BitSet usedClusters;
  BitSet usedBlobIds;
  private boolean dirtyOnDisk;
  private boolean closed;
  /** Every blob that opened successfully at load or was created since, by id. */
  final TreeMap<Long, BlobMeta> blobs = new TreeMap<>();
  /** Blobs in the blob-id mask that failed to open, with the reason (SPDK skips them too). */
  private final TreeMap<Long, BlobfsException> skipped = new TreeMap<>();

  private Blobstore(BlockDevice dev, SuperBlock sb, boolean readOnly, boolean wasClean, boolean recovered) {
    this.dev = dev;
    this.sb = sb;
    this.readOnly = readOnly;
    this.wasClean = wasClean;
    this.recovered = recovered;
    this.clusterSize = sb.clusterSize;
    this.ioUnit = sb.effectiveIoUnit();
    this.totalClusters = sb.totalClusters(dev.size());
    int ppc = clusterSize / PAGE;
    this.numMdClusters = (int) (((long) sb.mdStart + sb.mdLen + ppc - 1) / ppc);
  }

  // ---------------------------------------------------------------- init / load / unload

  /** spdk_bs_init: lays out a new empty blobstore (super clean=0, masks zeroed, no blobs). */
  public static Blobstore init(BlockDevice dev, BsOptions o) throws IOException {
    if (dev.isReadOnly()) throw new ReadOnlyException("cannot init a blobstore on a read-only device");
    int cs = o.clusterSize;
    if (cs <= 0 || cs % PAGE != 0) throw new InvalidArgumentException("cluster size must be a positive multiple of 4096: " + cs);
    int blk = dev.blockSize();
    long blockcnt = dev.size() / blk;
    if (blockcnt * blk < cs) throw new NoSpaceException("device of " + dev.size() + " bytes is smaller than one cluster");
    long t = blockcnt / (cs / blk);
    long m = o.numMdPages < 0 ? t : o.numMdPages;
    if (m <= 0 || m > Integer.MAX_VALUE) throw new InvalidArgumentException("bad md page count " + m);
    SuperBlock sb = new SuperBlock();
    sb.clean = false;
    sb.clusterSize = cs;
    sb.pageMaskStart = 1;
    sb.pageMaskLen = BitMask.pagesFor(m);
    sb.clusterMaskStart = 1 + sb.pageMaskLen;
    sb.clusterMaskLen = BitMask.pagesFor(t);
    int reserved = Math.max(BitMask.pagesFor(m), BitMask.pagesFor(t));
    sb.blobidMaskStart = sb.clusterMaskStart + reserved;
    sb.blobidMaskLen = BitMask.pagesFor(m);
    sb.mdStart = sb.blobidMaskStart + sb.blobidMaskLen;
    sb.mdLen = (int) m;
    sb.bstype = SuperBlock.bstypeOf(o.bstype);
    sb.size = blockcnt * blk;
    sb.ioUnitSize = blk;
    sb.mdPageSize = PAGE;
    long mdBytes = ((long) sb.mdStart + m) * PAGE;
    int ppc = cs / PAGE;
    long mdClusters = ((long) sb.mdStart + m + ppc - 1) / ppc;
    if (mdClusters > t) throw new NoSpaceException("metadata (" + mdClusters + " clusters) does not fit in " + t + " clusters");
    // Zero super + masks + md region (recovery must never meet stale pages), then clear the rest.
    dev.discard(0, mdBytes);
    if (o.clearMethod == BsOptions.CLEAR_UNMAP) dev.discard(mdBytes, sb.size - mdBytes);
    else if (o.clearMethod == BsOptions.CLEAR_WRITE_ZEROES) dev.discard(mdBytes, sb.size - mdBytes);
    dev.write(0, ByteBuffer.wrap(sb.encode()));
    dev.flush();
    Blobstore bs = new Blobstore(dev, sb, false, false, false);
    bs.usedPages = new BitSet();
    bs.usedBlobIds = new BitSet();
    bs.usedClusters = new BitSet();
    bs.usedClusters.set(0, (int) mdClusters);
    bs.dirtyOnDisk = true;
    return bs;
  }

  /**
   * spdk_bs_load. {@code wantedBstype} null (or "") is the wildcard. A read-only device gives a
   * read-only store: recovery of a dirty image then happens in memory only.
   */
  public static Blobstore load(BlockDevice dev, String wantedBstype) throws IOException {
    return load(dev, wantedBstype, false);
  }

  /** As {@link #load(BlockDevice, String)}; {@code forceRecover} is SPDK's opts.force_recover. */
  public static Blobstore load(BlockDevice dev, String wantedBstype, boolean forceRecover) throws IOException {
    if (dev.size() < SuperBlock.SIZE) {
      throw new CorruptMetadataException("super block", 0, "device of " + dev.size() + " bytes is smaller than a super block");
    }
    byte[] raw = new byte[SuperBlock.SIZE];
    dev.read(0, ByteBuffer.wrap(raw));
    byte[] want = wantedBstype == null || wantedBstype.isEmpty() ? null : SuperBlock.bstypeOf(wantedBstype);
    SuperBlock sb = SuperBlock.decode(raw, dev.size(), want);
    boolean mustRecover = sb.blobidMaskLen == 0 || !sb.clean || forceRecover;
    Blobstore bs = new Blobstore(dev, sb, dev.isReadOnly(), sb.clean, mustRecover);
    if ((long) bs.numMdClusters > bs.totalClusters) {
      throw new CorruptMetadataException("super block", SuperBlock.OFF_MD_LEN, "metadata larger than the store");
    }
    if (mustRecover) {
      Recovery r = new Recovery(bs, bs.totalClusters);
      r.run(bs.numMdClusters);
      bs.usedPages = r.usedPages;
      bs.usedBlobIds = r.usedBlobIds;
      bs.usedClusters = r.usedClusters;
    } else {
      bs.readMasks();
    }
    bs.loadBlobs();
    if (mustRecover && !bs.readOnly) {
      bs.writeMasks(); // as SPDK: rebuilt masks are written, the super stays clean=0
      bs.dirtyOnDisk = !sb.clean;
    }
    return bs;
  }

  private void readMasks() throws IOException {
    usedPages = BitMask.decode(readRegion(sb.pageMaskStart, sb.pageMaskLen), BitMask.TYPE_USED_PAGES, sb.mdLen,
        (long) sb.pageMaskStart * PAGE, "used page mask");
    usedClusters = BitMask.decode(readRegion(sb.clusterMaskStart, sb.clusterMaskLen), BitMask.TYPE_USED_CLUSTERS, totalClusters,
        (long) sb.clusterMaskStart * PAGE, "used cluster mask");
    usedBlobIds = BitMask.decode(readRegion(sb.blobidMaskStart, sb.blobidMaskLen), BitMask.TYPE_USED_BLOBIDS, sb.mdLen,
        (long) sb.blobidMaskStart * PAGE, "used blobid mask");
  }

  private byte[] readRegion(int startPage, int pages) throws IOException {
    byte[] b = new byte[pages * PAGE];
    dev.read((long) startPage * PAGE, ByteBuffer.wrap(b));
    return b;
  }

  /** Opens every blob named by the blob-id mask in ascending order; failures are skipped. */
  private void loadBlobs() throws IOException {
    BlobParser parser = new BlobParser(this, usedClusters, totalClusters);
    for (int i = usedBlobIds.nextSetBit(0); i >= 0 && i < sb.mdLen; i = usedBlobIds.nextSetBit(i + 1)) {
      long id = (1L << 32) | i;
      try {
        blobs.put(id, parser.load(id));
      } catch (BlobfsException e) {
        skipped.put(id, e);
      }
    }
    // A clone whose snapshot cannot be opened cannot be opened either.
    for (BlobMeta m : new ArrayList<>(blobs.values())) {
      if (m.parentId != SuperBlock.BLOBID_INVALID && !blobs.containsKey(m.parentId)) {
        blobs.remove(m.id);
        skipped.put(m.id, new BlobfsException(String.format("snapshot 0x%x of clone 0x%x cannot be opened", m.parentId, m.id)));
      }
    }
  }

  private void writeMasks() throws IOException {
    dev.write((long) sb.pageMaskStart * PAGE,
        ByteBuffer.wrap(BitMask.encode(BitMask.TYPE_USED_PAGES, usedPages, sb.mdLen, sb.pageMaskLen)));
    if (sb.blobidMaskLen != 0) {
      dev.write((long) sb.blobidMaskStart * PAGE,
          ByteBuffer.wrap(BitMask.encode(BitMask.TYPE_USED_BLOBIDS, usedBlobIds, sb.mdLen, sb.blobidMaskLen)));
    }
    dev.write((long) sb.clusterMaskStart * PAGE,
        ByteBuffer.wrap(BitMask.encode(BitMask.TYPE_USED_CLUSTERS, usedClusters, totalClusters, sb.clusterMaskLen)));
  }

  /** bs_mark_dirty: the first md write after load first persists clean=0. */
  void markDirty() throws IOException {
    checkWritable();
    if (dirtyOnDisk) return;
    sb.clean = false;
    if (sb.size == 0) sb.size = dev.size();
    dev.write(0, ByteBuffer.wrap(sb.encode()));
    dev.flush();
    dirtyOnDisk = true;
  }

  void checkWritable() throws BlobfsException {
    if (closed) throw new InvalidArgumentException("blobstore is closed");
    if (readOnly) throw new ReadOnlyException("blobstore is open read-only");
  }

  /**
   * Clean unload: persists dirty blobs, writes the masks, then the super block with clean=1.
   * Refused (BusyException) while blobs are open, like spdk_bs_unload.
   */
  public void unload() throws IOException {
    synchronized (lock) {
      if (closed) return;
      for (BlobMeta m : blobs.values()) {
        if (m.openCount > 0) throw new BusyException(String.format("blob 0x%x is still open", m.id));
      }
      if (!readOnly) {
        for (BlobMeta m : blobs.values()) if (m.dirty) persist(m);
        writeMasks();
        dev.flush();
        sb.clean = true;
        dev.write(0, ByteBuffer.wrap(sb.encode()));
        dev.flush();
        dirtyOnDisk = false;
      }
      closed = true;
    }
  }

  /** Unloads cleanly, closing any handles still open (their md is persisted first), and closes the device. */
  @Override
  public void close() throws IOException {
    try {
      synchronized (lock) {
        for (BlobMeta m : blobs.values()) m.openCount = 0;
        unload();
      }
    } finally {
      dev.close();
    }
  }

  // ---------------------------------------------------------------- geometry / inspection

  public long clusterSize() {
    return clusterSize;
  }

  public int ioUnitSize() {
    return ioUnit;
  }

  public long totalClusters() {
    return totalClusters;
  }

  public long totalDataClusters() {
    return totalClusters - numMdClusters;
  }

  public long freeClusters() {
    synchronized (lock) {
      return totalClusters - usedClusters.cardinality();
    }
  }

  public String bstype() {
    return sb.bstypeString();
  }

  public boolean isReadOnly() {
    return readOnly;
  }

  /** Whether the super block said clean=1 at load (a fresh init counts as not clean). */
  public boolean wasClean() {
    return wasClean;
  }

  /** Whether load ran SPDK's recovery (clean=0 or no blob-id mask). */
  public boolean recovered() {
    return recovered;
  }

  /** A copy of the super block as it is in memory. */
  public SuperBlock superBlock() {
    synchronized (lock) {
      SuperBlock c = new SuperBlock();
      byte[] b = sb.encode();
      try {
        return SuperBlock.decode(b, Long.MAX_VALUE, null);
      } catch (BlobfsException e) {
        return c; // unreachable: we encoded it ourselves
      }
    }
  }

  public BitSet usedPageMask() {
    synchronized (lock) {
      return (BitSet) usedPages.clone();
    }
  }

  public BitSet usedClusterMask() {
    synchronized (lock) {
      return (BitSet) usedClusters.clone();
    }
  }

  public BitSet usedBlobIdMask() {
    synchronized (lock) {
      return (BitSet) usedBlobIds.clone();
    }
  }

  /** Ids of the blobs that are open-able, ascending (spdk_bs_iter_first/next order). */
  public List<Long> blobIds() {
    synchronized (lock) {
      return new ArrayList<>(blobs.keySet());
    }
  }

  /** Blob ids in the blob-id mask that failed to open, with the reason. */
  public Map<Long, String> skippedBlobs() {
    synchronized (lock) {
      Map<Long, String> out = new TreeMap<>();
      skipped.forEach((k, v) -> out.put(k, v.getMessage()));
      return Collections.unmodifiableMap(out);
    }
  }

  /** spdk_bs_get_super: −ENOENT if unset. */
  public long superBlob() throws NotFoundException {
    synchronized (lock) {
      if (sb.superBlob == SuperBlock.BLOBID_INVALID) throw new NotFoundException("no super blob set");
      return sb.superBlob;
    }
  }

  /** spdk_bs_set_super: rewrites the super block, keeping its clean flag. */
  public void setSuperBlob(long id) throws IOException {
    synchronized (lock) {
      checkWritable();
      sb.superBlob = id;
      dev.write(0, ByteBuffer.wrap(sb.encode()));
      dev.flush();
    }
  }

  long mdPageByte(int index) {
    return ((long) sb.mdStart + index) * PAGE;
  }

  @Override
  public byte[] readMdPage(int index) throws IOException {
    byte[] p = new byte[PAGE];
    dev.read(mdPageByte(index), ByteBuffer.wrap(p));
    return p;
  }

  @Override
  public long mdPageOffset(int index) {
    return mdPageByte(index);
  }

  @Override
  public int mdLen() {
    return sb.mdLen;
  }

  // ---------------------------------------------------------------- blobs

  /** spdk_bs_create_blob_ext + open: returns an open handle. The blob is persisted before return. */
  public Blob createBlob(BlobOptions o) throws IOException {
    synchronized (lock) {
      checkWritable();
      for (Map.Entry<String, byte[]> e : o.xattrs.entrySet()) {
        if (e.getValue() == null || e.getValue().length == 0) throw new InvalidArgumentException("create-time xattr '" + e.getKey() + "' has no value");
      }
      int page = usedPages.nextClearBit(0);
      if (page >= sb.mdLen) throw new NoSpaceException("no free md page for a new blob");
      long id = (1L << 32) | page;
      usedPages.set(page);
      usedBlobIds.set(page);
      BlobMeta m = new BlobMeta(id);
      m.invalidFlags = (o.thin ? BlobMeta.FLAG_THIN : 0) | (o.useExtentTable ? BlobMeta.FLAG_EXTENT_TABLE : 0);
      m.mdRoFlags = o.clearMethod & BlobMeta.MD_RO_FLAGS_MASK;
      m.useExtentTable = o.useExtentTable;
      m.persistedClusters = new int[0];
      m.persistedExtentPages = new int[0];
      for (Map.Entry<String, byte[]> e : o.xattrs.entrySet()) Blob.setXattr(m, e.getKey(), e.getValue(), false);
      try {
        resize(m, o.numClusters);
      } catch (IOException e) {
        usedPages.clear(page);
        usedBlobIds.clear(page);
        throw e;
      }
      m.pages = new int[] {page};
      m.dirty = true;
      blobs.put(id, m);
      persist(m);
      m.openCount++;
      return new Blob(this, m);
    }
  }

  /** spdk_bs_open_blob: a new handle on the in-memory blob (metadata is not re-read). */
  public Blob openBlob(long id) throws IOException {
    synchronized (lock) {
      if (closed) throw new InvalidArgumentException("blobstore is closed");
      BlobMeta m = blobs.get(id);
      if (m == null) {
        BlobfsException why = skipped.get(id);
        if (why instanceof CorruptMetadataException c) {
          throw new CorruptMetadataException(c.structure(), c.byteOffset(), String.format("blob 0x%x: ", id) + c.problem());
        }
        if (why != null) throw new BlobfsException(why.getMessage(), why);
        throw new NotFoundException(String.format("blob 0x%x does not exist", id));
      }
      m.openCount++;
      return new Blob(this, m);
    }
  }

  /**
   * spdk_bs_delete_blob: refused while open or while a clone depends on it. The root page is
   * zeroed first (commit), then chain and extent pages, then the clusters are unmapped.
   */
  public void deleteBlob(long id) throws IOException {
    synchronized (lock) {
      checkWritable();
      BlobMeta m = blobs.get(id);
      if (m == null) throw new NotFoundException(String.format("blob 0x%x does not exist", id));
      if (m.openCount > 0) throw new BusyException(String.format("blob 0x%x is open", id));
      for (BlobMeta o : blobs.values()) {
        if (o.parentId == id) throw new BusyException(String.format("blob 0x%x is the snapshot of 0x%x", id, o.id));
      }
      markDirty();
      byte[] zero = new byte[PAGE];
      dev.write(mdPageByte(m.rootPage()), ByteBuffer.wrap(zero));
      for (int i = 1; i < m.pages.length; i++) dev.write(mdPageByte(m.pages[i]), ByteBuffer.wrap(zero));
      for (int ep : m.persistedExtentPages) if (ep != 0) dev.write(mdPageByte(ep), ByteBuffer.wrap(zero));
      for (int ep : m.extentPages) if (ep != 0) dev.write(mdPageByte(ep), ByteBuffer.wrap(zero));
      int[] freed = unionNonZero(m.persistedClusters, m.clusters);
      clearClusters(m, freed);
      for (int p : m.pages) usedPages.clear(p);
      for (int ep : m.persistedExtentPages) if (ep != 0) usedPages.clear(ep);
      for (int ep : m.extentPages) if (ep != 0) usedPages.clear(ep);
      for (int c : freed) usedClusters.clear(c);
      usedBlobIds.clear(m.rootPage());
      blobs.remove(id);
    }
  }

  private static int[] unionNonZero(int[] a, int[] b) {
    BitSet s = new BitSet();
    for (int c : a) if (c != 0) s.set(c);
    for (int c : b) if (c != 0) s.set(c);
    return s.stream().toArray();
  }

  /** Unmaps (or zeroes, per the blob's clear method) device clusters, in ascending order. */
  private void clearClusters(BlobMeta m, int[] sorted) throws IOException {
    int method = (int) (m.mdRoFlags & BlobMeta.MD_RO_FLAGS_MASK);
    if (method == BlobOptions.CLEAR_NONE) return;
    for (int i = 0; i < sorted.length; ) {
      int j = i;
      while (j + 1 < sorted.length && sorted[j + 1] == sorted[j] + 1) j++;
      dev.discard((long) sorted[i] * clusterSize, (long) (j - i + 1) * clusterSize);
      i = j + 1;
    }
  }

  /**
   * spdk_blob_resize (in memory until the next persist). Thick blobs claim clusters lowest-first
   * now and extent pages from md page 1; a shrink releases nothing until persisted.
   */
  void resize(BlobMeta m, long n) throws IOException {
    if (m.mdRo) throw new ReadOnlyException(String.format("blob 0x%x metadata is read-only", m.id));
    if (n < 0 || n > Integer.MAX_VALUE) throw new InvalidArgumentException("bad cluster count " + n);
    int cur = m.clusters.length;
    if (n == cur) return;
    int oldEp = m.extentPages.length;
    int newEp = m.useExtentTable ? BlobMeta.extentPagesFor(n) : 0;
    if (n > cur && !m.thin()) {
      long need = n - cur;
      if (need > totalClusters - usedClusters.cardinality()) {
        throw new NoSpaceException("need " + need + " clusters, " + (totalClusters - usedClusters.cardinality()) + " free");
      }
      int pagesNeeded = Math.max(0, newEp - oldEp);
      int p = 0;
      for (int i = 0; i < pagesNeeded; i++) {
        p = usedPages.nextClearBit(Math.max(1, p));
        if (p >= sb.mdLen) throw new NoSpaceException("no free md page for an extent page");
        p++;
      }
    }
    int[] clusters = Arrays.copyOf(m.clusters, (int) n);
    int[] eps = Arrays.copyOf(m.extentPages, newEp);
    if (n > cur && !m.thin()) {
      int lowest = 0;
      for (int i = cur; i < n; i++) {
        int c = usedClusters.nextClearBit(lowest);
        usedClusters.set(c);
        clusters[i] = c;
        lowest = c + 1;
        int k = i / Descriptors.EXTENTS_PER_EP;
        if (m.useExtentTable && eps[k] == 0) {
          int p = usedPages.nextClearBit(1);
          usedPages.set(p);
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
    markDirty();
    boolean shrunk = m.clusters.length < m.persistedClusters.length;
    boolean wroteBeforeRoot = false;
    if (!shrunk) wroteBeforeRoot = writeDirtyExtentPages(m);
    List<byte[]> pages = BlobSerializer.serialize(m);
    int[] idx = new int[pages.size()];
    idx[0] = m.rootPage();
    for (int i = 1; i < idx.length; i++) {
      int p = usedPages.nextClearBit(0);
      if (p >= sb.mdLen) {
        for (int j = 1; j < i; j++) usedPages.clear(idx[j]);
        throw new NoSpaceException("no free md page for a metadata chain page");
      }
      usedPages.set(p);
      idx[i] = p;
    }
    for (int i = 0; i < idx.length; i++) MdPage.seal(pages.get(i), i + 1 < idx.length ? idx[i + 1] : MdPage.INVALID_PAGE);
    for (int i = 1; i < idx.length; i++) dev.write(mdPageByte(idx[i]), ByteBuffer.wrap(pages.get(i)));
    if (wroteBeforeRoot || idx.length > 1) dev.flush(); // barrier: everything the root names is durable first
    dev.write(mdPageByte(idx[0]), ByteBuffer.wrap(pages.get(0))); // commit point
    byte[] zero = new byte[PAGE];
    for (int i = 1; i < m.pages.length; i++) {
      dev.write(mdPageByte(m.pages[i]), ByteBuffer.wrap(zero));
      usedPages.clear(m.pages[i]);
    }
    for (int i = 1; i < idx.length; i++) usedPages.set(idx[i]); // in case an old page index was reused
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
      for (int c : sorted) usedClusters.clear(c);
    }
    for (int k = m.extentPages.length; k < m.persistedExtentPages.length; k++) {
      int ep = m.persistedExtentPages[k];
      if (ep != 0) {
        dev.write(mdPageByte(ep), ByteBuffer.wrap(zero));
        usedPages.clear(ep);
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
      dev.write(mdPageByte(m.extentPages[k]), ByteBuffer.wrap(BlobSerializer.extentPage(m, k)));
      any = true;
    }
    m.dirtyExtentPages.clear();
    return any;
  }

  /**
   * First write to an unallocated cluster of a thin blob: claim the lowest free cluster, fill it
   * (parent snapshot data or zeros), then publish it in the extent page (plus the chain when the
   * extent page is new, or for RLE blobs). Returns the device cluster.
   */
  int allocateThinCluster(BlobMeta m, int k) throws IOException {
    markDirty();
    int c = usedClusters.nextClearBit(numMdClusters);
    if (c >= totalClusters) throw new NoSpaceException("no free cluster");
    usedClusters.set(c);
    try {
      if (m.parentId != SuperBlock.BLOBID_INVALID) {
        byte[] buf = new byte[clusterSize];
        readMapped(m, (long) k * clusterSize, buf, 0, clusterSize);
        dev.write((long) c * clusterSize, ByteBuffer.wrap(buf));
      } else {
        dev.discard((long) c * clusterSize, clusterSize);
      }
    } catch (IOException e) {
      usedClusters.clear(c);
      throw e;
    }
    m.clusters[k] = c;
    boolean inPersisted = k < m.persistedClusters.length;
    if (m.useExtentTable) {
      int ep = k / Descriptors.EXTENTS_PER_EP;
      if (m.extentPages[ep] == 0) {
        int p = usedPages.nextClearBit(1);
        if (p >= sb.mdLen) {
          m.clusters[k] = 0;
          usedClusters.clear(c);
          throw new NoSpaceException("no free md page for an extent page");
        }
        usedPages.set(p);
        m.extentPages[ep] = p;
        dev.write(mdPageByte(p), ByteBuffer.wrap(BlobSerializer.extentPage(m, ep)));
        m.dirty = true;
        persist(m);
      } else if (inPersisted && !m.dirty) {
        dev.write(mdPageByte(m.extentPages[ep]), ByteBuffer.wrap(BlobSerializer.extentPage(m, ep)));
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

  /**
   * Maps a blob byte range to device extents, resolving unallocated clusters through the snapshot
   * chain; appends (device offset or -1 for zeros, length) pairs. Called with the lock held.
   */
  void mapRead(BlobMeta m, long off, int len, List<long[]> out) {
    while (len > 0) {
      int k = (int) (off / clusterSize);
      int within = (int) (off % clusterSize);
      int n = Math.min(len, clusterSize - within);
      int c = k < m.clusters.length ? m.clusters[k] : 0;
      if (c != 0) {
        out.add(new long[] {(long) c * clusterSize + within, n});
      } else {
        BlobMeta parent = m.parentId == SuperBlock.BLOBID_INVALID ? null : blobs.get(m.parentId);
        if (parent != null && parent != m && k < parent.clusters.length) mapRead(parent, off, n, out);
        else out.add(new long[] {-1, n});
      }
      off += n;
      len -= n;
    }
  }

  /** Reads mapped extents (outside the lock: positional I/O). */
  void readExtents(List<long[]> segs, byte[] buf, int bo) throws IOException {
    for (long[] s : segs) {
      int n = (int) s[1];
      if (s[0] < 0) Arrays.fill(buf, bo, bo + n, (byte) 0);
      else dev.read(s[0], ByteBuffer.wrap(buf, bo, n));
      bo += n;
    }
  }

  void readMapped(BlobMeta m, long off, byte[] buf, int bo, int len) throws IOException {
    List<long[]> segs = new ArrayList<>();
    mapRead(m, off, len, segs);
    readExtents(segs, buf, bo);
  }

  /** Read-only snapshot of blob facts for fsck/dump; null if no such blob. */
  public BlobInfo info(long id) {
    synchronized (lock) {
      BlobMeta m = blobs.get(id);
      return m == null ? null : new BlobInfo(m);
    }
  }
}
