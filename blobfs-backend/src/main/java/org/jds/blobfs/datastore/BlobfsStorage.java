package org.jds.blobfs.datastore;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.jds.blobfs.BlobfsNotFoundException;
import org.jds.blobfs.device.BarrierPolicy;
import org.jds.blobfs.device.GroupCommitDevice;
import org.jds.blobfs.fs.BlobFile;
import org.jds.blobfs.fs.BlobFileSystem;
import org.jds.flatfs.storage.ContainerStorage;
import org.jds.flatfs.storage.CreateMode;
import org.jds.flatfs.storage.DirectoryListing;
import org.jds.flatfs.storage.FileAccess;
import org.jds.flatfs.storage.FileStat;
import org.jds.flatfs.storage.HeldLocks;
import org.jds.flatfs.storage.KeySharding;
import org.jds.flatfs.storage.ShardAware;
import org.jds.flatfs.storage.Storage;
import org.jds.flatfs.storage.StorageChecks;
import org.jds.flatfs.storage.StorageException;
import org.jds.flatfs.storage.StorageLock;
import org.jds.flatfs.storage.StoragePaths;
import org.jds.flatfs.storage.WritableFile;

/**
 * flatfs's {@link Storage} on a blobfs image, a thin adapter: the tree (paths, directories,
 * listings, shardings) is the {@link DirectoryView} over blobfs's flat namespace, data goes through
 * the {@link BlobFileSystem} interface (the pure-Java engine today, a native libspdk driver later);
 * this class checks arguments, holds the lock, reads and writes file data and owns the device.
 *
 * <p><b>Durability.</b> Every engine write reaches the image file at once, so a process crash
 * loses nothing a call returned from. {@link WritableFile#sync()} and {@link #syncDirectory} are
 * group-committed device flushes ({@link GroupCommitDevice#flush}): what they cover survives a
 * power loss. The engine's ordering barriers follow the device's {@link BarrierPolicy}. Rename over
 * an existing file is crash-atomic ({@link BlobFileSystem#replaceCommit}); with {@code
 * durableReplace} its commit is flushed (durable) before the old target is deleted, so a power loss
 * cannot lose both; without it the two are ordered by a barrier.
 *
 * <p><b>Threads.</b> One lock guards the index and every namespace change; file data is read and
 * appended outside it (the engine does the device I/O outside its own lock too, one append at a
 * time per file), and a replace's durability flush runs outside it ({@link #rename}).
 *
 * <p><b>Shard directories</b> are implied by the key ({@link BlobfsNames}), so the storage must know
 * each store's sharding: flatfs tells it ({@link ShardAware}). Until it does, key files show where
 * their names put them without one (directly in the store directory).
 */
public final class BlobfsStorage implements Storage, ShardAware, ContainerStorage {

  private final BlobFileSystem fs;
  private final GroupCommitDevice device;
  private final String image;
  private final boolean durableReplace;
  /** Names fetched per lock acquisition by a listing. */
  private static final int LIST_CHUNK = 256;

  /** Guards {@link #view}, {@link #closed} and {@link #pendingReplaces}. */
  private final Object lock = new Object();
  private final DirectoryView view;
  /** Writer locks of the flatfs stores in this image; the image itself is locked by its device. */
  private final HeldLocks locks = new HeldLocks();
  /** Set under {@link #lock} by {@link #close}; read without it by the entry checks and handles. */
  private volatile boolean closed;
  /** Renames whose old target is not yet deleted (their barrier runs outside the lock). */
  private int pendingReplaces;

  /** The storage on {@code fs}, loaded from {@code device}; {@link BlobfsImage} opens both. */
  BlobfsStorage(BlobFileSystem fs, GroupCommitDevice device, String image, boolean durableReplace)
      throws StorageException {
    this.fs = fs;
    this.device = device;
    this.image = image;
    this.durableReplace = durableReplace;
    this.view = new DirectoryView(fs);
    view.load(!fs.isReadOnly());
  }

  /** blobfs names that map to no storage path (written by other tools); left untouched. */
  public List<String> foreignNames() {
    synchronized (lock) {
      return view.foreignNames();
    }
  }

  @Override
  public boolean hasUnmappedEntries() {
    synchronized (lock) {
      return view.hasForeignNames();
    }
  }

  /** The image's exact allocation ({@link BlobFileSystem#allocatedBytes}). */
  @Override
  public long allocatedBytes() {
    return fs.allocatedBytes();
  }

  /**
   * Damage the image's load found, one line each ({@link BlobFileSystem#problems}); only a read-only
   * open can have any, since a writable one refuses a damaged image. Callers print them as warnings.
   */
  public List<String> problems() {
    return fs.problems();
  }

  /** The file system under this storage. */
  public BlobFileSystem fileSystem() {
    return fs;
  }

  /** Device flushes so far (group commit shares them). */
  public long flushCount() {
    return device.flushCount();
  }

  /** Engine barriers so far, whatever the {@link #barrierPolicy()} made of them. */
  public long barrierCount() {
    return device.barrierCount();
  }

  /** What the engine's ordering barriers cost on this image (given at open). */
  public BarrierPolicy barrierPolicy() {
    return device.policy();
  }

  // ---- reads -----------------------------------------------------------------------------------

  /**
   * Opens the file at {@code path} for reading; the caller reads outside the lock. The name is
   * looked up under the lock and opened after it (the engine has its own lock), so readers hold
   * the storage lock only for a map lookup. If the name went away in between (a delete or a
   * replace raced), the lookup and open are redone under the lock.
   */
  private BlobFile openForRead(String op, String path) throws StorageException {
    checkOpen(op, path);
    StoragePaths.check(op, path);
    String name;
    synchronized (lock) {
      name = view.fileName(op, path);
    }
    try {
      return fs.openFile(name, 0);
    } catch (BlobfsNotFoundException e) {
      // raced with a namespace change: decide under the lock
    } catch (IOException e) {
      throw BlobfsErrors.map(op, path, e);
    }
    synchronized (lock) {
      try {
        return fs.openFile(view.fileName(op, path), 0);
      } catch (IOException e) {
        throw BlobfsErrors.map(op, path, e);
      }
    }
  }

  @Override
  public byte[] readAll(String path) throws StorageException {
    return readFrom(openForRead("read", path), "read", path, 0, Integer.MAX_VALUE);
  }

  @Override
  public byte[] read(String path, long offset, int length) throws StorageException {
    checkOpen("read", path);
    StorageChecks.readRange("read", path, offset, length);
    return readFrom(openForRead("read", path), "read", path, offset, length);
  }

  private static byte[] readFrom(BlobFile f, String op, String path, long offset, int length) throws StorageException {
    try (f) {
      int n = StorageChecks.readLength(op, path, f.length(), offset, length);
      byte[] out = new byte[n];
      int done = 0;
      while (done < n) {
        long r = f.read(offset + done, out, done, n - done);
        if (r <= 0) {
          throw new StorageException(op, path, "short read", null);
        }
        done += (int) r;
      }
      return out;
    } catch (IOException e) {
      throw BlobfsErrors.map(op, path, e);
    }
  }

  @Override
  public FileStat stat(String path) throws StorageException {
    checkOpen("stat", path);
    StoragePaths.check("stat", path);
    synchronized (lock) {
      return view.stat(path);
    }
  }

  /** A listing of the in-memory index; never touches the device. */
  @Override
  public DirectoryListing list(String dir) throws StorageException {
    checkOpen("open", dir);
    StoragePaths.check("open", dir);
    synchronized (lock) {
      view.checkListable(dir);
    }
    // Like readdir: fetched in chunks under the lock (one acquisition per LIST_CHUNK names, not per
    // name); a name created or deleted meanwhile may or may not be seen, one present throughout is.
    return new DirectoryListing() {
      private final ArrayList<String> chunk = new ArrayList<>();
      private final PathIndex.Cursor cursor = new PathIndex.Cursor();
      private int pos;
      private boolean more = true;
      private boolean listingClosed;

      @Override
      public String next() throws StorageException {
        StorageChecks.handleOpen(listingClosed, closed, "readdir", dir);
        if (pos == chunk.size()) {
          if (!more) {
            return null;
          }
          chunk.clear();
          pos = 0;
          synchronized (lock) {
            more = view.nextChildren(dir, cursor, LIST_CHUNK, chunk);
          }
          if (chunk.isEmpty()) {
            more = false;
            return null;
          }
        }
        return chunk.get(pos++);
      }

      @Override
      public void close() {
        listingClosed = true;
        chunk.clear();
        pos = 0;
        more = false;
      }
    };
  }

  // ---- writes ----------------------------------------------------------------------------------

  /** Every call checks this at entry; namespace changes again under the lock (close sets it there). */
  void checkOpen(String op, String path) throws StorageException {
    StorageChecks.storageOpen(closed, op, path);
  }

  /** Whether {@link #close} was called: its handles refuse use then, and leave release to it. */
  boolean isClosed() {
    return closed;
  }

  /** blobfs has no permissions, so {@code access} is ignored. */
  @Override
  public WritableFile create(String path, CreateMode mode, FileAccess access) throws StorageException {
    checkOpen("open", path);
    StoragePaths.check("open", path);
    if (path.isEmpty()) {
      throw BlobfsErrors.isDirectory("open", path);
    }
    synchronized (lock) {
      checkOpen("open", path);
      String existing = view.existingForWrite(path, mode == CreateMode.EXCLUSIVE);
      try {
        if (existing != null) {
          BlobFile f = fs.openFile(existing, 0);
          try {
            f.truncate(0);
          } catch (IOException e) {
            closeQuietly(f);
            throw e;
          }
          return new BlobfsWritableFile(this, path, f);
        }
        String name = view.newFileName(path);
        BlobFile f = fs.openFile(name, BlobFileSystem.OPEN_CREATE);
        view.added(path, name);
        return new BlobfsWritableFile(this, path, f);
      } catch (IOException e) {
        throw BlobfsErrors.map("open", path, e);
      }
    }
  }

  private static void closeQuietly(BlobFile f) {
    try {
      f.close();
    } catch (IOException e) {
      // the original error matters
    }
  }

  void flush(String path) throws StorageException {
    try {
      device.flush();
    } catch (IOException e) {
      throw BlobfsErrors.map("sync", path, e);
    }
  }

  @Override
  public boolean mkdir(String path) throws StorageException {
    checkOpen("mkdir", path);
    StoragePaths.check("mkdir", path);
    if (path.isEmpty()) {
      return false;
    }
    synchronized (lock) {
      checkOpen("mkdir", path);
      return view.mkdir(path);
    }
  }

  @Override
  public void mkdirs(String path) throws StorageException {
    checkOpen("mkdir", path);
    StoragePaths.check("mkdir", path);
    String cur = "";
    for (String part : path.isEmpty() ? new String[0] : path.split("/")) {
      cur = StoragePaths.join(cur, part);
      synchronized (lock) {
        view.checkNotFile("mkdir", cur);
      }
      mkdir(cur);
    }
  }

  /**
   * Rename-with-replace. The commit (new name, one md write) and the index change happen under the
   * lock; the flush that makes the commit durable before the old target is deleted runs outside it,
   * so one thread's barrier does not stall every other operation (and concurrent barriers share a
   * flush). {@link #close} waits for such unfinished replaces.
   */
  @Override
  public void rename(String from, String to) throws StorageException {
    String both = from + " " + to;
    BlobFileSystem.Replaced replaced = renameCommit(from, to);
    if (replaced == null) {
      return;
    }
    try {
      if (durableReplace) {
        device.flush();
      } else {
        device.barrier();
      }
      fs.replaceFinish(replaced);
    } catch (IOException e) {
      throw BlobfsErrors.map("rename", both, e);
    } finally {
      synchronized (lock) {
        pendingReplaces--;
        lock.notifyAll();
      }
    }
  }

  /** The locked half of {@link #rename}: returns the old target still to delete, or null. */
  private BlobFileSystem.Replaced renameCommit(String from, String to) throws StorageException {
    checkOpen("rename", from + " " + to);
    StoragePaths.check("rename", from);
    StoragePaths.check("rename", to);
    String both = from + " " + to;
    synchronized (lock) {
      checkOpen("rename", both);
      String[] names = view.renameNames(from, to);
      if (names == null) {
        return null;
      }
      BlobFileSystem.Replaced replaced;
      try {
        replaced = fs.replaceCommit(names[0], names[1]);
      } catch (IOException e) {
        throw BlobfsErrors.map("rename", both, e);
      }
      if (replaced != null) {
        pendingReplaces++;
      }
      view.renamed(from, to, names[1]);
      return replaced;
    }
  }

  @Override
  public void delete(String path) throws StorageException {
    checkOpen("remove", path);
    StoragePaths.check("remove", path);
    synchronized (lock) {
      checkOpen("remove", path);
      view.delete(path);
    }
  }

  @Override
  public void deleteTree(String path) throws StorageException {
    checkOpen("removeall", path);
    StoragePaths.check("removeall", path);
    synchronized (lock) {
      checkOpen("removeall", path);
      view.deleteTree(path);
    }
  }

  @Override
  public void syncDirectory(String dir) throws StorageException {
    checkOpen("sync", dir);
    StoragePaths.check("sync", dir);
    synchronized (lock) {
      view.checkExists("sync", dir); // as open(2) of a missing directory
    }
    flush(dir);
  }

  @Override
  public void shardingRead(String dir, KeySharding sharding) throws StorageException {
    StoragePaths.check("sharding", dir);
    synchronized (lock) {
      view.shardingRead(dir, sharding);
    }
  }

  @Override
  public void shardingWritten(String dir, KeySharding sharding) throws StorageException {
    StoragePaths.check("sharding", dir);
    synchronized (lock) {
      view.shardingWritten(dir, sharding);
    }
  }

  /**
   * In memory only, nothing is written: the image is open in one process at a time (its device
   * holds an exclusive lock on the image file), so only a second open in this one is to be refused.
   */
  @Override
  public StorageLock lock(String path) throws StorageException {
    checkOpen("lock", path);
    StoragePaths.check("lock", path);
    synchronized (lock) {
      view.checkParent("lock", path); // the lock file would need its directory
    }
    return locks.acquire(path, describe(path), () -> () -> {});
  }

  @Override
  public String describe(String path) {
    return path.isEmpty() ? "blobfs:" + image : "blobfs:" + image + ":/" + path;
  }

  /**
   * Unloads the image cleanly and closes the device. The unload runs {@link
   * BarrierPolicy#POWER_LOSS_SAFE} whatever the setting: a clean image must be whole after a power
   * loss too.
   */
  @Override
  public void close() throws StorageException {
    synchronized (lock) {
      if (closed) {
        return;
      }
      closed = true;
      boolean interrupted = false;
      while (pendingReplaces > 0) {
        try {
          lock.wait();
        } catch (InterruptedException e) {
          interrupted = true; // a clean unload first; the flag is restored below
        }
      }
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
      try {
        view.persistEmptyVirtualDirs();
        device.policy(BarrierPolicy.POWER_LOSS_SAFE);
        fs.close();
      } catch (IOException e) {
        throw BlobfsErrors.map("close", "", e);
      }
    }
  }

  @Override
  public String toString() {
    return "BlobfsStorage[" + image + "]";
  }
}
