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
import org.jds.blobfs.MetadataFullException;
import org.jds.blobfs.BlobfsNoSpaceException;
import org.jds.blobfs.BlobfsNotFoundException;
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
 * <p><b>Crash ordering</b> of every metadata write: see {@link MdWriter}.
 */
public final class Blobstore implements Closeable, PageSource {
  /** Bytes per md page (SPDK_BS_PAGE_SIZE; v25.05 writes no other md_page_size). */
  public static final int PAGE = MdPage.SIZE;

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
  UsedMask usedPages;
  UsedMask usedClusters;
  BitSet usedBlobIds;
  private boolean dirtyOnDisk;
  /** The recovery pass of the last load, if one ran (for tests and diagnostics). */
  Recovery recovery;
  private boolean closed;
  /** Every blob that opened successfully at load or was created since, by id. */
  final TreeMap<Long, BlobMeta> blobs = new TreeMap<>();
  /** The metadata write path (persist, resize, thin allocation, delete). */
  final MdWriter writer = new MdWriter(this);
  /** Blobs in the blob-id mask that failed to open, with the reason (SPDK skips them too). */
  private final TreeMap<Long, BlobfsException> skipped = new TreeMap<>();
  /** See {@link #problems()}. */
  private final List<String> problems = new ArrayList<>();

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
    if (blockcnt * blk < cs) throw new BlobfsNoSpaceException("device of " + dev.size() + " bytes is smaller than one cluster");
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
    if (o.maxSize < 0 || (o.maxSize > 0 && o.maxSize < blockcnt * blk)) {
      throw new InvalidArgumentException("max size " + o.maxSize + " is smaller than the store (" + blockcnt * blk + " bytes)");
    }
    if (o.maxSize / cs > Integer.MAX_VALUE) {
      throw new InvalidArgumentException("max size " + o.maxSize + " is more than 2^31 clusters of " + cs + " bytes");
    }
    int reserved = Math.max(Math.max(BitMask.pagesFor(m), BitMask.pagesFor(t)), BitMask.pagesFor(o.maxSize / cs));
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
    if (mdClusters > t) throw new BlobfsNoSpaceException("metadata (" + mdClusters + " clusters) does not fit in " + t + " clusters");
    // Zero super + masks + md region (recovery must never meet stale pages), then clear the rest.
    dev.discard(0, mdBytes);
    // Data clusters need no zeroing for correctness (new thin clusters are zero-filled on
    // allocation), so UNMAP is best effort as in SPDK.
    if (o.clearMethod == BsOptions.CLEAR_UNMAP) dev.tryUnmap(mdBytes, sb.size - mdBytes);
    else if (o.clearMethod == BsOptions.CLEAR_WRITE_ZEROES) dev.discard(mdBytes, sb.size - mdBytes);
    sb.write(dev);
    dev.flush();
    Blobstore bs = new Blobstore(dev, sb, false, false, false);
    bs.usedPages = new UsedMask(new BitSet());
    bs.usedBlobIds = new BitSet();
    BitSet md = new BitSet();
    md.set(0, (int) mdClusters);
    bs.usedClusters = new UsedMask(md);
    bs.dirtyOnDisk = true;
    return bs;
  }

  /**
   * spdk_bs_load. {@code wantedBstype} null (or "") is the wildcard. A read-only device gives a
   * read-only store: recovery of a dirty image then happens in memory only. The store owns {@code
   * dev}; a load that fails closes it.
   *
   * <p>Unlike SPDK, load checks what it reads (see {@link #problems()}): a writable load of a
   * damaged image fails with {@link DamagedImageException} before writing anything, so that
   * allocation never trusts a damaged mask and a page that cannot be read is never reused; a
   * read-only load succeeds and reports the damage.
   */
  public static Blobstore load(BlockDevice dev, String wantedBstype) throws IOException {
    return load(dev, wantedBstype, false);
  }

  /**
   * As {@link #load(BlockDevice, String)}; {@code forceRecover} is SPDK's opts.force_recover. The
   * store owns {@code dev}: {@link #close} closes it, and so does a load that fails.
   */
  public static Blobstore load(BlockDevice dev, String wantedBstype, boolean forceRecover) throws IOException {
    return load(dev, wantedBstype, forceRecover, LoadListener.NONE);
  }

  /** As {@link #load(BlockDevice, String, boolean)}, telling {@code listener} how far it is. */
  public static Blobstore load(BlockDevice dev, String wantedBstype, boolean forceRecover, LoadListener listener)
      throws IOException {
    try {
      return load(dev, wantedBstype, forceRecover, dev.isReadOnly(), listener);
    } catch (IOException | RuntimeException e) {
      try {
        dev.close();
      } catch (IOException suppressed) {
        e.addSuppressed(suppressed);
      }
      throw e;
    }
  }

  /**
   * Repairs a damaged store on a writable device (fsck --repair): md pages that fail their crc
   * and blobs that cannot be opened are released (their pages zeroed, so the files they held are
   * gone; each is named in the returned lines first), then the masks are rebuilt from the md
   * pages as SPDK's dirty-load recovery does and the store is unloaded cleanly. The device stays
   * open. Fails, having released nothing more, if recovery itself cannot parse the md pages.
   *
   * @return what was done, one line each
   */
  public static List<String> repair(BlockDevice dev) throws IOException {
    if (dev.isReadOnly()) throw new ReadOnlyException("cannot repair a blobstore on a read-only device");
    List<String> done = new ArrayList<>();
    // A released page may have been the snapshot of a clone, which then fails in the next scan.
    for (int round = 0; ; round++) {
      Blobstore scan = load(dev, null, true, true, LoadListener.NONE);
      BitSet release = (BitSet) scan.recovery.corruptPages.clone();
      for (long id : scan.skipped.keySet()) release.set(BlobIds.blobIdToPage(id));
      if (release.isEmpty()) break;
      if (round == RELEASE_ROUNDS) throw new CorruptMetadataException("metadata", 0, "repair did not converge: " + scan.problems);
      byte[] zero = new byte[PAGE];
      for (int p = release.nextSetBit(0); p >= 0; p = release.nextSetBit(p + 1)) {
        done.add("released md page " + p + scan.fileHint(p) + ": it could not be read, so its blob is lost");
        dev.write(scan.mdPageByte(p), ByteBuffer.wrap(zero));
      }
      dev.flush();
    }
    Blobstore bs = load(dev, null, true, false, LoadListener.NONE); // writes the rebuilt masks
    bs.unload();
    done.add("rebuilt the used page, blob-id and cluster masks from the md pages");
    return done;
  }

  private static final int RELEASE_ROUNDS = 4;

  private static Blobstore load(BlockDevice dev, String wantedBstype, boolean forceRecover, boolean readOnly,
      LoadListener listener) throws IOException {
    byte[] want = wantedBstype == null || wantedBstype.isEmpty() ? null : SuperBlock.bstypeOf(wantedBstype);
    SuperBlock sb = SuperBlock.read(dev, want);
    boolean mustRecover = sb.blobidMaskLen == 0 || !sb.clean || forceRecover;
    Blobstore bs = new Blobstore(dev, sb, readOnly, sb.clean, mustRecover);
    if ((long) bs.numMdClusters > bs.totalClusters) {
      throw new CorruptMetadataException("super block", SuperBlock.OFF_MD_LEN, "metadata larger than the store");
    }
    if (mustRecover) {
      Recovery r = new Recovery(bs, bs.totalClusters);
      r.run(bs.numMdClusters, (done, total) -> listener.mdPages(done, 2 * total));
      bs.recovery = r;
      bs.usedPages = new UsedMask(r.usedPages);
      bs.usedBlobIds = r.usedBlobIds;
      bs.usedClusters = new UsedMask(r.usedClusters);
    } else {
      bs.readMasks();
    }
    int md = sb.mdLen;
    bs.loadBlobs(mustRecover ? (done, total) -> listener.mdPages(md + done, 2L * md) : listener);
    bs.findProblems();
    if (!bs.readOnly && !bs.problems.isEmpty()) throw new DamagedImageException(bs.problems);
    if (mustRecover && !bs.readOnly) {
      bs.writeMasks(); // as SPDK: rebuilt masks are written, the super stays clean=0
      bs.dirtyOnDisk = !sb.clean;
    }
    return bs;
  }

  private void readMasks() throws IOException {
    usedPages = new UsedMask(BitMask.read(dev, BitMask.Kind.USED_PAGES, sb, sb.mdLen));
    usedClusters = new UsedMask(BitMask.read(dev, BitMask.Kind.USED_CLUSTERS, sb, totalClusters));
    usedBlobIds = BitMask.read(dev, BitMask.Kind.USED_BLOBIDS, sb, sb.mdLen);
  }

  /**
   * Opens every blob named by the blob-id mask in ascending order; failures are skipped. Tells
   * {@code listener} each root page's position in the md region.
   */
  private void loadBlobs(LoadListener listener) throws IOException {
    // Md pages are read through a read-ahead: one device read per run of up to 64 used pages
    // instead of one per page (the load of 100k small files was dominated by 200k 4 KiB preads).
    BlobParser parser = new BlobParser(new MdReadAhead(this, usedPages.bits()), totalClusters);
    for (int i = usedBlobIds.nextSetBit(0); i >= 0 && i < sb.mdLen; i = usedBlobIds.nextSetBit(i + 1)) {
      long id = BlobIds.pageToBlobId(i);
      try {
        blobs.put(id, parser.load(id));
      } catch (BlobfsException e) {
        skipped.put(id, e);
      }
      listener.mdPages(i + 1L, sb.mdLen);
    }
    listener.mdPages(sb.mdLen, sb.mdLen);
    // A clone whose snapshot cannot be opened cannot be opened either.
    for (BlobMeta m : new ArrayList<>(blobs.values())) {
      if (m.parentId != SuperBlock.BLOBID_INVALID && !blobs.containsKey(m.parentId)) {
        blobs.remove(m.id);
        skipped.put(m.id, new BlobfsException(String.format("snapshot 0x%x of clone 0x%x cannot be opened", m.parentId, m.id)));
      }
    }
  }

  /**
   * Damage found by this load, one line each: md pages that recovery dropped for a bad crc, blobs
   * in the blob-id mask that do not open, and the masks against what the blobs claim ({@link
   * MaskCheck}). A page that held a file names it when its {@code name} xattr is still readable.
   */
  private void findProblems() throws IOException {
    if (recovery != null) {
      BitSet bad = recovery.corruptPages;
      for (int p = bad.nextSetBit(0); p >= 0; p = bad.nextSetBit(p + 1)) {
        problems.add("md page " + p + fileHint(p) + ": crc mismatch on a page that is not free; recovery dropped it");
      }
    }
    for (Map.Entry<Long, BlobfsException> e : skipped.entrySet()) {
      int root = BlobIds.blobIdToPage(e.getKey());
      problems.add(String.format("blob 0x%x (md page %d%s) cannot be opened: %s", e.getKey(), root, fileHint(root),
          e.getValue().getMessage()));
    }
    MaskCheck.Result masks = MaskCheck.run(blobs, skipped.isEmpty(), usedPages, usedClusters, numMdClusters);
    problems.addAll(masks.problems());
    BitSet unowned = masks.unownedPages();
    int looked = 0;
    for (int p = unowned.nextSetBit(0); p >= 0 && p < sb.mdLen && looked++ < MAX_ROOTS_LOOKED_FOR; p = unowned.nextSetBit(p + 1)) {
      byte[] page = readMdPage(p);
      if (!usedBlobIds.get(p) && MdPage.crcOk(page) && MdPage.seq(page) == 0 && MdPage.id(page) == BlobIds.pageToBlobId(p)) {
        problems.add(String.format("used blobid mask: bit %d is clear, but md page %d is the root of blob 0x%x%s", p, p,
            MdPage.id(page), fileHint(p)));
      }
    }
  }

  /** How many unclaimed used md pages a load reads to name blobs that lost their blob-id bit. */
  private static final int MAX_ROOTS_LOOKED_FOR = 64;

  private String fileHint(int page) throws IOException {
    String name = BlobParser.xattrHint(readMdPage(page), "name");
    return name == null ? "" : ", file '" + name + "'";
  }

  /**
   * What this load found damaged (see {@link DamagedImageException}); empty for a sound image. A
   * writable load refuses a damaged image, so only a read-only store can have any.
   */
  public List<String> problems() {
    return Collections.unmodifiableList(problems);
  }

  private void writeMasks() throws IOException {
    BitMask.write(dev, BitMask.Kind.USED_PAGES, sb, usedPages.bits(), sb.mdLen);
    if (sb.blobidMaskLen != 0) BitMask.write(dev, BitMask.Kind.USED_BLOBIDS, sb, usedBlobIds, sb.mdLen);
    BitMask.write(dev, BitMask.Kind.USED_CLUSTERS, sb, usedClusters.bits(), totalClusters);
  }

  /** bs_mark_dirty: the first md write after load first persists clean=0. */
  void markDirty() throws IOException {
    checkWritable();
    if (dirtyOnDisk) return;
    sb.clean = false;
    if (sb.size == 0) sb.size = dev.size();
    sb.write(dev);
    // durable, not only ordered: a clean=1 super left on disk by a power loss would make the next
    // load trust masks that no longer match the md pages
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
        for (BlobMeta m : blobs.values()) if (m.dirty) writer.persist(m);
        writeMasks();
        dev.flush(); // the masks durable before the super that makes them count
        sb.clean = true;
        sb.write(dev);
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
      return sb.copy();
    }
  }

  /** md pages in use (O(1); {@link #usedPageMask} copies the mask). */
  public int usedMdPages() {
    synchronized (lock) {
      return usedPages.cardinality();
    }
  }

  public BitSet usedPageMask() {
    synchronized (lock) {
      return usedPages.copy();
    }
  }

  public BitSet usedClusterMask() {
    synchronized (lock) {
      return usedClusters.copy();
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
  public long superBlob() throws BlobfsNotFoundException {
    synchronized (lock) {
      if (sb.superBlob == SuperBlock.BLOBID_INVALID) throw new BlobfsNotFoundException("no super blob set");
      return sb.superBlob;
    }
  }

  /** spdk_bs_set_super: rewrites the super block, keeping its clean flag. */
  public void setSuperBlob(long id) throws IOException {
    synchronized (lock) {
      checkWritable();
      sb.superBlob = id;
      sb.write(dev);
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

  /**
   * The error for an md page allocation that found none free ({@code what} needed it). Called with
   * the lock held.
   */
  MetadataFullException metadataFull(String what) {
    long free = totalClusters - usedClusters.cardinality();
    return new MetadataFullException("metadata pages exhausted: all " + sb.mdLen + " md pages are in use (one or more per"
        + " file) while " + free + " of " + totalDataClusters() + " data clusters are free, so " + what + " cannot be"
        + " stored; the md pages are reserved when the image is formatted: make a new image with more"
        + " (jds blobfs mkfs --md-pages N) and copy the data over");
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
      if (page >= sb.mdLen) throw metadataFull("a new blob");
      long id = BlobIds.pageToBlobId(page);
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
        writer.resize(m, o.numClusters);
      } catch (IOException e) {
        usedPages.clear(page);
        usedBlobIds.clear(page);
        throw e;
      }
      m.pages = new int[] {page};
      m.dirty = true;
      blobs.put(id, m);
      writer.persist(m);
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
        throw new BlobfsNotFoundException(String.format("blob 0x%x does not exist", id));
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
      if (m == null) throw new BlobfsNotFoundException(String.format("blob 0x%x does not exist", id));
      if (m.openCount > 0) throw new BusyException(String.format("blob 0x%x is open", id));
      for (BlobMeta o : blobs.values()) {
        if (o.parentId == id) throw new BusyException(String.format("blob 0x%x is the snapshot of 0x%x", id, o.id));
      }
      writer.delete(m);
      blobs.remove(id);
    }
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
