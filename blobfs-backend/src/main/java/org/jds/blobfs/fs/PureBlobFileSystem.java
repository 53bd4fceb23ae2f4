package org.jds.blobfs.fs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jds.blobfs.AlreadyExistsException;
import org.jds.blobfs.BlobfsException;
import org.jds.blobfs.BusyException;
import org.jds.blobfs.CorruptMetadataException;
import org.jds.blobfs.InvalidArgumentException;
import org.jds.blobfs.NameTooLongException;
import org.jds.blobfs.BlobfsNotFoundException;
import org.jds.blobfs.ReadOnlyException;
import org.jds.blobfs.blobstore.Blob;
import org.jds.blobfs.blobstore.BlobOptions;
import org.jds.blobfs.blobstore.Blobstore;
import org.jds.blobfs.blobstore.BsOptions;
import org.jds.blobfs.device.BlockDevice;

/**
 * Pure-Java blobfs in SPDK v25.05's conventions: bstype "BLOBFS", one thick extent-table blob per
 * file, xattrs {@code name} (bytes + NUL), {@code length} (u64 LE) and {@code is_deleted} (0x01).
 *
 * <p><b>Thread safety:</b> every method is thread-safe. Namespace operations, syncs and closes
 * are serialised by one lock per file system; reads and appends only take it to check bounds (and
 * allocate) and then do the device I/O outside it, in parallel with other threads (one append at a
 * time per file). Closing or deleting a file while another thread still reads
 * through the same handle is a caller error (the read may fail with a checked exception).
 *
 * <p><b>Deliberate deviations from SPDK</b> (documented in the spec as open choices):
 * <ul>
 *   <li>A blob without a valid {@code name}/{@code length} xattr (crash between create and first
 *       close in SPDK) does not fail the mount; it is left alone and reported by {@link #orphans()}.
 *   <li>{@code rename(x, x)} is a no-op instead of deleting x.
 *   <li>create persists the blob with its xattrs in one md write (SPDK writes it empty first).
 *   <li>Renaming onto an open file hides the old target from the namespace at once (SPDK keeps
 *       two entries with the same name until the last close).
 * </ul>
 */
public final class PureBlobFileSystem implements BlobFileSystem {
  public static final String BSTYPE = "BLOBFS";
  static final String XATTR_NAME = "name";
  static final String XATTR_LENGTH = "length";
  static final String XATTR_IS_DELETED = "is_deleted";
  /**
   * Set by {@link #replaceFile} (u64 LE): when a crash leaves two files with one name, the higher
   * generation is the newer one. SPDK ignores unknown xattrs.
   */
  static final String XATTR_GENERATION = "jds_gen";

  final Blobstore bs;
  final Object lock = new Object();
  /** Name lookup (the hash index). Delete-pending files stay here, like SPDK's list. */
  private final HashMap<String, FileEntry> byName = new HashMap<>();
  /** List order: by blob id at load, then creation order. */
  private final LinkedHashMap<Long, FileEntry> byId = new LinkedHashMap<>();
  private final List<Long> orphans = new ArrayList<>();
  /** Next {@link #XATTR_GENERATION}: above every generation seen at load. */
  private long nextGeneration = 1;
  /** See {@link #useExtentTables}. */
  private volatile boolean extentTables = true;

  private PureBlobFileSystem(Blobstore bs) {
    this.bs = bs;
  }

  /** spdk_fs_init: a new empty blobfs with the given cluster size (SPDK default 1 MiB). */
  public static PureBlobFileSystem mkfs(BlockDevice dev, int clusterSize) throws IOException {
    return mkfs(dev, new BsOptions().clusterSize(clusterSize));
  }

  public static PureBlobFileSystem mkfs(BlockDevice dev, BsOptions opts) throws IOException {
    opts.bstype(BSTYPE);
    return new PureBlobFileSystem(Blobstore.init(dev, opts));
  }

  /**
   * spdk_fs_load. On a read-only device nothing is written: recovery of a dirty image and the
   * pending deletes of {@code is_deleted} files happen in memory only.
   */
  public static PureBlobFileSystem load(BlockDevice dev) throws IOException {
    Blobstore bs = Blobstore.load(dev, null);
    try {
      String t = bs.bstype();
      if (!t.isEmpty() && !t.equals(BSTYPE)) {
        throw new CorruptMetadataException("super block", 56, "bstype '" + t + "' is not " + BSTYPE);
      }
      PureBlobFileSystem fs = new PureBlobFileSystem(bs);
      fs.scan();
      return fs;
    } catch (IOException | RuntimeException e) {
      try {
        bs.close();
      } catch (IOException suppressed) {
        e.addSuppressed(suppressed);
      }
      throw e;
    }
  }

  private void scan() throws IOException {
    List<Long> toDelete = new ArrayList<>();
    List<Long> replaced = new ArrayList<>();
    for (long id : bs.blobIds()) {
      try (Blob b = bs.openBlob(id)) {
        byte[] n = b.xattrOrNull(XATTR_NAME);
        byte[] l = b.xattrOrNull(XATTR_LENGTH);
        if (n == null || l == null || l.length != 8) {
          orphans.add(id);
          continue;
        }
        FileEntry f = new FileEntry(id, decodeName(n), leU64(l));
        if (b.xattrOrNull(XATTR_IS_DELETED) != null) {
          toDelete.add(id);
          continue;
        }
        f.generation = generation(b);
        nextGeneration = Math.max(nextGeneration, f.generation + 1);
        FileEntry other = byName.get(f.name);
        if (other != null) {
          // A crash inside replaceFile: the higher generation committed last and wins.
          FileEntry loser = other.generation >= f.generation ? f : other;
          if (loser == other) {
            byName.remove(other.name);
            byId.remove(other.blobId);
          }
          replaced.add(loser.blobId);
          if (loser == other) {
            byName.put(f.name, f);
            byId.put(id, f);
          }
          continue;
        }
        byName.put(f.name, f);
        byId.put(id, f);
      }
    }
    if (!bs.isReadOnly()) {
      for (long id : toDelete) bs.deleteBlob(id);
      for (long id : replaced) bs.deleteBlob(id);
    } else {
      orphans.addAll(replaced);
    }
  }

  private static long generation(Blob b) {
    byte[] g = b.xattrOrNull(XATTR_GENERATION);
    return g != null && g.length == 8 ? leU64(g) : 0;
  }

  static String decodeName(byte[] v) {
    int n = 0;
    while (n < v.length && v[n] != 0) n++;
    return new String(v, 0, n, StandardCharsets.UTF_8);
  }

  static byte[] encodeName(String name) {
    byte[] b = name.getBytes(StandardCharsets.UTF_8);
    byte[] v = new byte[b.length + 1];
    System.arraycopy(b, 0, v, 0, b.length);
    return v;
  }

  static long leU64(byte[] b) {
    long v = 0;
    for (int i = 7; i >= 0; i--) v = (v << 8) | (b[i] & 0xff);
    return v;
  }

  static byte[] u64Le(long v) {
    byte[] b = new byte[8];
    for (int i = 0; i < 8; i++) b[i] = (byte) (v >>> (8 * i));
    return b;
  }

  static void checkName(String name) throws BlobfsException {
    if (name == null) throw new InvalidArgumentException("null name");
    byte[] b = name.getBytes(StandardCharsets.UTF_8);
    if (b.length > FILE_NAME_MAX) {
      throw new NameTooLongException("name of " + b.length + " bytes exceeds " + FILE_NAME_MAX);
    }
    for (byte x : b) if (x == 0) throw new InvalidArgumentException("name contains NUL");
  }

  void checkWritable() throws ReadOnlyException {
    if (bs.isReadOnly()) throw new ReadOnlyException("file system is open read-only");
  }

  /** The underlying blobstore (for fsck/dump tools). */
  public Blobstore blobstore() {
    return bs;
  }

  /** Blobs without usable name/length xattrs, left in place (SPDK would refuse to mount). */
  public List<Long> orphans() {
    synchronized (lock) {
      return new ArrayList<>(orphans);
    }
  }

  @Override
  public long clusterSize() {
    return bs.clusterSize();
  }

  @Override
  public long freeBytes() {
    return bs.freeClusters() * bs.clusterSize();
  }

  @Override
  public long totalClusters() {
    return bs.totalClusters();
  }

  @Override
  public long allocatedBytes() {
    long mdClusters = bs.totalClusters() - bs.totalDataClusters();
    long dataClusters = bs.totalClusters() - bs.freeClusters() - mdClusters;
    return dataClusters * bs.clusterSize() + (long) bs.usedMdPages() * Blobstore.PAGE;
  }

  @Override
  public boolean isReadOnly() {
    return bs.isReadOnly();
  }

  @Override
  public List<String> problems() {
    return bs.problems();
  }

  @Override
  public BlobfsFileStat stat(String name) throws IOException {
    checkName(name);
    synchronized (lock) {
      FileEntry f = byName.get(name);
      if (f == null) throw new BlobfsNotFoundException("no file '" + name + "'");
      return new BlobfsFileStat(f.blobId, Math.max(f.appendPos, f.lengthXattr));
    }
  }

  /**
   * How the blobs of files created from now on record their clusters. {@code true} (the default)
   * is what SPDK's own blobfs writes: an EXTENT_TABLE in the root md page plus one extent page per
   * 512 clusters, so even a one-cluster file costs two md pages. {@code false} writes EXTENT_RLE
   * descriptors inline, so a small or contiguous file is one md page: half the md reads at load and
   * half the md space. SPDK reads both kinds (the blob's EXTENT_TABLE invalid flag tells which), so
   * images stay interchangeable either way. Not persisted; existing files keep their kind.
   */
  public void useExtentTables(boolean on) {
    extentTables = on;
  }

  @Override
  public void createFile(String name) throws IOException {
    checkName(name);
    synchronized (lock) {
      checkWritable();
      if (byName.containsKey(name)) throw new AlreadyExistsException("file '" + name + "' exists");
      BlobOptions o = new BlobOptions().numClusters(1).useExtentTable(extentTables);
      o.xattr(XATTR_NAME, encodeName(name)).xattr(XATTR_LENGTH, u64Le(0));
      long id;
      try (Blob b = bs.createBlob(o)) {
        id = b.id();
      }
      FileEntry f = new FileEntry(id, name, 0);
      byName.put(name, f);
      byId.put(id, f);
    }
  }

  @Override
  public BlobFile openFile(String name, int flags) throws IOException {
    checkName(name);
    synchronized (lock) {
      FileEntry f = byName.get(name);
      if (f == null) {
        if ((flags & OPEN_CREATE) == 0) throw new BlobfsNotFoundException("no file '" + name + "'");
        createFile(name);
        f = byName.get(name);
      }
      if (f.deletePending) throw new BlobfsNotFoundException("file '" + name + "' is being deleted");
      if (f.refs == 0) f.blob = bs.openBlob(f.blobId);
      f.refs++;
      return new OpenFile(this, f);
    }
  }

  @Override
  public void renameFile(String oldName, String newName) throws IOException {
    checkName(newName);
    checkName(oldName);
    synchronized (lock) {
      FileEntry f = renameSource(oldName);
      if (oldName.equals(newName)) return;
      FileEntry target = byName.get(newName);
      if (target != null) {
        try {
          deleteEntry(target);
        } catch (BlobfsException e) {
          // SPDK ignores the result of deleting the target
        }
        if (byName.get(newName) == target) byName.remove(newName);
        target.hidden = true;
      }
      writeName(f, newName, 0);
    }
  }

  /** The file a rename moves; the caller holds the lock. */
  private FileEntry renameSource(String oldName) throws IOException {
    checkWritable();
    FileEntry f = byName.get(oldName);
    if (f == null) throw new BlobfsNotFoundException("no file '" + oldName + "'");
    return f;
  }

  /**
   * Gives {@code f} its new name in one md write (with generation {@code gen} unless 0), then in
   * the name map; the caller holds the lock and has dealt with any old holder of the name.
   */
  private void writeName(FileEntry f, String newName, long gen) throws IOException {
    Blob b = f.refs > 0 ? f.blob : bs.openBlob(f.blobId);
    try {
      b.setXattr(XATTR_NAME, encodeName(newName));
      if (gen != 0) b.setXattr(XATTR_GENERATION, u64Le(gen));
      b.syncMd();
    } finally {
      if (f.refs == 0) b.close();
    }
    if (gen != 0) f.generation = gen;
    byName.remove(f.name);
    f.name = newName;
    byName.put(newName, f);
  }

  /**
   * Crash-atomic rename-with-replace (not in SPDK, whose rename deletes the target first): the
   * source gets the new name and a fresh generation in one md write (the commit point); only then
   * is the old target deleted, after {@code barrier} has ordered the commit before the delete (the
   * caller passes a device flush where the rename must also be durable). A crash in between
   * leaves two files with the name; load keeps the higher generation and deletes the other.
   *
   * <p>The barrier runs outside the file system lock (so a device flush does not stall other
   * threads): this is {@link #replaceCommit} then, if it returned a target, {@code barrier} and
   * {@link #replaceFinish}.
   */
  public void replaceFile(String oldName, String newName, Barrier barrier) throws IOException {
    Replaced r = replaceCommit(oldName, newName);
    if (r != null) {
      barrier.run();
      replaceFinish(r);
    }
  }

  /** The old target of a committed {@link #replaceCommit}: hidden, still allocated until finished. */
  private static final class Target implements Replaced {
    private final FileEntry target;

    private Target(FileEntry target) {
      this.target = target;
    }
  }

  /**
   * First half of {@link #replaceFile}: renames {@code oldName} to {@code newName} with a fresh
   * generation (one md write, the commit point) and hides the old target from the namespace.
   * Returns the old target, which the caller deletes with {@link #replaceFinish} once the commit is
   * durable, or null when there was none.
   */
  @Override
  public Replaced replaceCommit(String oldName, String newName) throws IOException {
    checkName(newName);
    checkName(oldName);
    synchronized (lock) {
      FileEntry f = renameSource(oldName);
      if (oldName.equals(newName)) return null;
      FileEntry target = byName.get(newName);
      writeName(f, newName, nextGeneration++);
      if (target == null) return null;
      target.hidden = true;
      return new Target(target);
    }
  }

  /** Second half of {@link #replaceFile}: deletes the old target (once; a no-op if already gone). */
  @Override
  public void replaceFinish(Replaced r) throws IOException {
    if (!(r instanceof Target own)) {
      throw new InvalidArgumentException("not a replace of this file system: " + r);
    }
    synchronized (lock) {
      FileEntry t = own.target;
      if (byId.get(t.blobId) != t) return;
      deleteEntry(t);
    }
  }

  /**
   * Orders the writes issued so far before a dependent write: {@code BlockDevice.barrier()}, or
   * {@code flush()} where the caller also promises durability.
   */
  @FunctionalInterface
  public interface Barrier {
    void run() throws IOException;
  }

  @Override
  public void deleteFile(String name) throws IOException {
    checkName(name);
    synchronized (lock) {
      checkWritable();
      FileEntry f = byName.get(name);
      if (f == null) throw new BlobfsNotFoundException("no file '" + name + "'");
      deleteEntry(f);
    }
  }

  /** Deletes now, or marks delete-pending (persisted is_deleted=1) while handles are open. */
  private void deleteEntry(FileEntry f) throws IOException {
    if (f.refs > 0) {
      if (!f.deletePending) {
        f.blob.setXattr(XATTR_IS_DELETED, new byte[] {1});
        f.blob.syncMd();
        f.deletePending = true;
      }
      return;
    }
    bs.deleteBlob(f.blobId);
    if (byName.get(f.name) == f) byName.remove(f.name);
    byId.remove(f.blobId);
  }

  @Override
  public List<String> list() {
    synchronized (lock) {
      List<String> out = new ArrayList<>();
      for (FileEntry f : byId.values()) if (!f.hidden) out.add(f.name);
      return out;
    }
  }

  /** Stats of every listed file, in list order (for ls -l). */
  public Map<String, BlobfsFileStat> statAll() {
    synchronized (lock) {
      Map<String, BlobfsFileStat> out = new LinkedHashMap<>();
      for (FileEntry f : byId.values()) {
        if (!f.hidden) out.put(f.name, new BlobfsFileStat(f.blobId, Math.max(f.appendPos, f.lengthXattr)));
      }
      return out;
    }
  }

  @Override
  public void unload() throws IOException {
    synchronized (lock) {
      for (FileEntry f : byId.values()) {
        if (f.refs > 0) throw new BusyException("file '" + f.name + "' is open");
      }
      bs.unload();
    }
  }

  @Override
  public void close() throws IOException {
    synchronized (lock) {
      try {
        for (FileEntry f : new ArrayList<>(byId.values())) {
          while (f.refs > 0) release(f);
        }
      } finally {
        bs.close();
      }
    }
  }

  /**
   * Waits (caller holds {@link #lock}) until no append is writing {@code f}'s data outside the
   * lock, so that its clusters, length and handle stay put while that I/O runs.
   */
  void awaitWrite(FileEntry f) {
    boolean interrupted = false;
    while (f.writing) {
      try {
        lock.wait();
      } catch (InterruptedException e) {
        interrupted = true; // the append finishes soon; the flag is restored below
      }
    }
    if (interrupted) Thread.currentThread().interrupt();
  }

  /**
   * Persists the length of what was appended: data, barrier, then the "length" xattr, so the
   * length never covers bytes that may not reach the disk. With {@code trailingBarrier} the length
   * is ordered before later writes too; a caller that wants it durable flushes afterwards (outside
   * the lock, so that concurrent syncs share a group-committed flush).
   */
  void syncEntry(FileEntry f, boolean trailingBarrier) throws IOException {
    awaitWrite(f);
    if (f.appendPos <= f.lengthXattr) return;
    f.blob.barrier();
    f.blob.setXattr(XATTR_LENGTH, u64Le(f.appendPos));
    f.blob.syncMd();
    if (trailingBarrier) f.blob.barrier();
    f.lengthXattr = f.appendPos;
  }

  void release(FileEntry f) throws IOException {
    awaitWrite(f);
    try {
      if (!bs.isReadOnly()) {
        try {
          syncEntry(f, true);
        } catch (IOException e) {
          // spdk_file_close ignores the sync result; the length stays at the last synced value
        }
      }
    } finally {
      f.refs--;
      if (f.refs == 0) {
        Blob b = f.blob;
        f.blob = null;
        if (bs.isReadOnly()) {
          b.close();
        } else {
          b.close();
          if (f.deletePending) {
            bs.deleteBlob(f.blobId);
            if (byName.get(f.name) == f) byName.remove(f.name);
            byId.remove(f.blobId);
          }
        }
      }
    }
  }
}
