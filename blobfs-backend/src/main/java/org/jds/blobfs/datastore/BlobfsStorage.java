package org.jds.blobfs.datastore;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jds.blobfs.BlobfsNotFoundException;
import org.jds.blobfs.device.BarrierPolicy;
import org.jds.blobfs.device.GroupCommitDevice;
import org.jds.blobfs.fs.BlobFile;
import org.jds.blobfs.fs.BlobFileSystem;
import org.jds.blobfs.fs.PureBlobFileSystem;
import org.jds.blobfs.blobstore.Blobstore;
import org.jds.flatfs.storage.ContainerStorage;
import org.jds.flatfs.storage.CreateMode;
import org.jds.flatfs.storage.DirectoryListing;
import org.jds.flatfs.storage.FileAccess;
import org.jds.flatfs.storage.FileStat;
import org.jds.flatfs.storage.HeldLocks;
import org.jds.flatfs.storage.KeySharding;
import org.jds.flatfs.storage.NoSuchPathException;
import org.jds.flatfs.storage.PathExistsException;
import org.jds.flatfs.storage.ShardAware;
import org.jds.flatfs.storage.Storage;
import org.jds.flatfs.storage.StorageException;
import org.jds.flatfs.storage.StorageLock;
import org.jds.flatfs.storage.StoragePaths;
import org.jds.flatfs.storage.WritableFile;

/**
 * flatfs's {@link Storage} on a blobfs image: names are mapped by {@link BlobfsNames}, the tree is
 * served from the in-memory {@link PathIndex}, data goes through {@link PureBlobFileSystem}.
 *
 * <p><b>Durability.</b> Every engine write reaches the image file at once, so a process crash
 * loses nothing a call returned from. {@link WritableFile#sync()} and {@link #syncDirectory} are
 * group-committed device flushes ({@link GroupCommitDevice#flush}): what they cover survives a
 * power loss. The engine's ordering barriers follow the device's {@link BarrierPolicy}. Rename over
 * an existing file is crash-atomic ({@link PureBlobFileSystem#replaceFile}); with {@code
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

  private final PureBlobFileSystem fs;
  private final GroupCommitDevice device;
  private final String image;
  private final boolean durableReplace;
  /** Names fetched per lock acquisition by a listing. */
  private static final int LIST_CHUNK = 256;

  private final Object lock = new Object();
  private final PathIndex index = new PathIndex();
  private final Map<String, KeySharding> shards = new HashMap<>();
  /** Directories whose sharding flatfs has told since the open (their names follow {@link #shards}). */
  private final Set<String> told = new HashSet<>();
  private final List<String> foreign = new ArrayList<>();
  /** Writer locks of the flatfs stores in this image; the image itself is locked by its device. */
  private final HeldLocks locks = new HeldLocks();
  private boolean closed;
  /** Renames whose old target is not yet deleted (their barrier runs outside the lock). */
  private int pendingReplaces;

  BlobfsStorage(PureBlobFileSystem fs, GroupCommitDevice device, String image, boolean durableReplace)
      throws StorageException {
    this.fs = fs;
    this.device = device;
    this.image = image;
    this.durableReplace = durableReplace;
    // Keys are small files: one md page each instead of two (measured: open of 100k keys
    // 865 -> 669 ms; see the README's benchmark).
    fs.useExtentTables(false);
    load();
  }

  /**
   * Builds the index from every name, with no sharding known yet (flatfs tells it when it opens a
   * store, {@link #shardingRead}). Names of the old layout ({@link BlobfsNames#isLegacy}) are
   * renamed to the encoded form unless the image is read-only, where they are read as they are.
   */
  private void load() throws StorageException {
    List<String> legacy = new ArrayList<>();
    for (String n : fs.list()) {
      BlobfsNames.Parsed p = BlobfsNames.parse(n, shards::get);
      if (p == null || !index.putIfAbsent(p.path(), new PathIndex.Node(p.directory(), n))) {
        foreign.add(n);
      } else if (BlobfsNames.isLegacy(n)) {
        legacy.add(p.path());
      }
    }
    if (!legacy.isEmpty() && !fs.blobstore().isReadOnly()) {
      migrate(legacy);
    }
  }

  /**
   * Renames the files at {@code paths}, named in the old layout, to their encoded names. A name
   * whose encoded form would be too long for blobfs stays as it is (it is still read).
   */
  private void migrate(List<String> paths) throws StorageException {
    for (String path : paths) {
      PathIndex.Node old = index.get(path);
      String name = BlobfsNames.migrated(old.name());
      if (name.getBytes(StandardCharsets.UTF_8).length > BlobFileSystem.FILE_NAME_MAX) {
        continue;
      }
      try {
        fs.renameFile(old.name(), name);
      } catch (IOException e) {
        throw BlobfsErrors.map("rename", path, e);
      }
      index.put(path, new PathIndex.Node(old.dir(), name));
    }
  }

  /** blobfs names that map to no storage path (written by other tools); left untouched. */
  public List<String> foreignNames() {
    synchronized (lock) {
      return new ArrayList<>(foreign);
    }
  }

  @Override
  public boolean hasUnmappedEntries() {
    synchronized (lock) {
      return !foreign.isEmpty();
    }
  }

  /**
   * Bytes the image has allocated: data clusters in use times the cluster size, plus md pages in
   * use times 4096. Exact, from the engine's in-memory masks.
   */
  @Override
  public long allocatedBytes() {
    Blobstore bs = fs.blobstore();
    long mdClusters = bs.totalClusters() - bs.totalDataClusters();
    long dataClusters = bs.totalClusters() - bs.freeClusters() - mdClusters;
    return dataClusters * bs.clusterSize() + (long) bs.usedMdPages() * Blobstore.PAGE;
  }

  /**
   * Damage the image's load found, one line each ({@code Blobstore.problems()}); only a read-only
   * open can have any, since a writable one refuses a damaged image. Callers print them as warnings.
   */
  public List<String> problems() {
    return fs.blobstore().problems();
  }

  /** The engine under this storage. */
  public PureBlobFileSystem fileSystem() {
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
    StoragePaths.check(op, path);
    String name;
    synchronized (lock) {
      name = fileNameForRead(op, path);
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
        return fs.openFile(fileNameForRead(op, path), 0);
      } catch (IOException e) {
        throw BlobfsErrors.map(op, path, e);
      }
    }
  }

  /** The blobfs name of the file at {@code path}; the caller holds the lock. */
  private String fileNameForRead(String op, String path) throws StorageException {
    PathIndex.Node n = index.get(path);
    if (n == null || n.dir()) {
      if (index.isDir(path)) {
        throw BlobfsErrors.isDirectory(op, path);
      }
      throw absent(op, path);
    }
    return n.name();
  }

  /** Like a local file system, a name that cannot exist is ENAMETOOLONG rather than absent. */
  private StorageException absent(String op, String path) {
    String name = BlobfsNames.fileName(path, shards::get);
    if (name.getBytes(StandardCharsets.UTF_8).length > BlobFileSystem.FILE_NAME_MAX) {
      return new StorageException(op, path, "file name too long", null);
    }
    return new NoSuchPathException(op, path);
  }

  @Override
  public byte[] readAll(String path) throws StorageException {
    return readFrom(openForRead("read", path), "read", path, 0, Integer.MAX_VALUE);
  }

  @Override
  public byte[] read(String path, long offset, int length) throws StorageException {
    return readFrom(openForRead("read", path), "read", path, offset, length);
  }

  private static byte[] readFrom(BlobFile f, String op, String path, long offset, int length) throws StorageException {
    try (f) {
      long len = f.length();
      if (len - Math.min(offset, len) > Integer.MAX_VALUE - 8) {
        throw new StorageException(op, path, "file too large", null);
      }
      int n = (int) Math.max(0, Math.min(length, len - offset));
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
    StoragePaths.check("stat", path);
    synchronized (lock) {
      PathIndex.Node n = index.get(path);
      if (n != null && !n.dir()) {
        try {
          return new FileStat(false, fs.stat(n.name()).size());
        } catch (IOException e) {
          throw BlobfsErrors.map("stat", path, e);
        }
      }
      if (index.isDir(path)) {
        return new FileStat(true, 0);
      }
      throw absent("stat", path);
    }
  }

  /** A listing of the in-memory index; never touches the device. */
  @Override
  public DirectoryListing list(String dir) throws StorageException {
    StoragePaths.check("open", dir);
    synchronized (lock) {
      if (!index.isDir(dir)) {
        if (index.get(dir) != null) {
          throw BlobfsErrors.notDirectory("open", dir);
        }
        throw new NoSuchPathException("open", dir);
      }
    }
    // Like readdir: fetched in chunks under the lock (one acquisition per LIST_CHUNK names, not per
    // name); a name created or deleted meanwhile may or may not be seen, one present throughout is.
    return new DirectoryListing() {
      private final ArrayList<String> chunk = new ArrayList<>();
      private final PathIndex.Cursor cursor = new PathIndex.Cursor();
      private int pos;
      private boolean more = true;

      @Override
      public String next() {
        if (pos == chunk.size()) {
          if (!more) {
            return null;
          }
          chunk.clear();
          pos = 0;
          synchronized (lock) {
            more = index.nextChildren(dir, cursor, LIST_CHUNK, chunk);
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
        chunk.clear();
        pos = 0;
        more = false;
      }
    };
  }

  // ---- writes ----------------------------------------------------------------------------------

  /** The parent of {@code path} must be an existing directory. */
  private void checkParent(String op, String path) throws StorageException {
    String parent = StoragePaths.parent(path);
    if (!index.isDir(parent)) {
      if (index.get(parent) != null) {
        throw BlobfsErrors.notDirectory(op, path);
      }
      throw new NoSuchPathException(op, path);
    }
  }

  private void checkOpen(String op, String path) throws StorageException {
    if (closed) {
      throw new StorageException(op, path, "storage is closed", null);
    }
  }

  /** blobfs has no permissions, so {@code access} is ignored. */
  @Override
  public WritableFile create(String path, CreateMode mode, FileAccess access) throws StorageException {
    StoragePaths.check("open", path);
    if (path.isEmpty()) {
      throw BlobfsErrors.isDirectory("open", path);
    }
    synchronized (lock) {
      checkOpen("open", path);
      checkParent("open", path);
      PathIndex.Node n = index.get(path);
      if (index.isDir(path)) {
        throw BlobfsErrors.isDirectory("open", path);
      }
      try {
        if (n != null) {
          if (mode == CreateMode.EXCLUSIVE) {
            throw new PathExistsException("open", path);
          }
          BlobFile f = fs.openFile(n.name(), 0);
          try {
            f.truncate(0);
          } catch (IOException e) {
            closeQuietly(f);
            throw e;
          }
          return new BlobfsWritableFile(this, path, f);
        }
        String name = BlobfsNames.fileName(path, shards::get);
        BlobFile f = fs.openFile(name, BlobFileSystem.OPEN_CREATE);
        index.put(path, new PathIndex.Node(false, name));
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
    StoragePaths.check("mkdir", path);
    if (path.isEmpty()) {
      return false;
    }
    synchronized (lock) {
      checkOpen("mkdir", path);
      checkParent("mkdir", path);
      if (index.exists(path)) {
        return false;
      }
      if (BlobfsNames.isVirtualDir(path, shards::get)) {
        index.put(path, new PathIndex.Node(true, null));
        return true;
      }
      String marker = BlobfsNames.dirName(path);
      try {
        fs.createFile(marker);
      } catch (IOException e) {
        throw BlobfsErrors.map("mkdir", path, e);
      }
      index.put(path, new PathIndex.Node(true, marker));
      return true;
    }
  }

  @Override
  public void mkdirs(String path) throws StorageException {
    StoragePaths.check("mkdir", path);
    String cur = "";
    for (String part : path.isEmpty() ? new String[0] : path.split("/")) {
      cur = StoragePaths.join(cur, part);
      synchronized (lock) {
        if (index.get(cur) != null && !index.get(cur).dir()) {
          throw BlobfsErrors.notDirectory("mkdir", cur);
        }
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
    PureBlobFileSystem.Replaced[] replaced = {null};
    StorageException err = null;
    try {
      renameCommit(from, to, replaced);
    } catch (StorageException e) {
      err = e; // after the commit (a SHARDING remap failed) the old target is still deleted below
    }
    if (replaced[0] != null) {
      try {
        if (durableReplace) {
          device.flush();
        } else {
          device.barrier();
        }
        fs.replaceFinish(replaced[0]);
      } catch (IOException e) {
        if (err == null) {
          err = BlobfsErrors.map("rename", both, e);
        }
      } finally {
        synchronized (lock) {
          pendingReplaces--;
          lock.notifyAll();
        }
      }
    }
    if (err != null) {
      throw err;
    }
  }

  /** The locked half of {@link #rename}; sets {@code replaced[0]} to the old target still to delete. */
  private void renameCommit(String from, String to, PureBlobFileSystem.Replaced[] replaced) throws StorageException {
    StoragePaths.check("rename", from);
    StoragePaths.check("rename", to);
    String both = from + " " + to;
    synchronized (lock) {
      checkOpen("rename", both);
      PathIndex.Node src = index.get(from);
      if (src == null) {
        throw index.isDir(from) ? BlobfsErrors.isDirectory("rename", both) : new NoSuchPathException("rename", both);
      }
      if (src.dir()) {
        throw BlobfsErrors.isDirectory("rename", both);
      }
      checkParent("rename", to);
      if (index.isDir(to)) {
        throw BlobfsErrors.isDirectory("rename", both);
      }
      if (from.equals(to)) {
        return;
      }
      PathIndex.Node dst = index.get(to);
      String toName = dst != null ? dst.name() : BlobfsNames.fileName(to, shards::get);
      try {
        replaced[0] = fs.replaceCommit(src.name(), toName);
      } catch (IOException e) {
        throw BlobfsErrors.map("rename", both, e);
      }
      if (replaced[0] != null) {
        pendingReplaces++;
      }
      index.remove(from);
      keepParent(from);
      index.put(to, new PathIndex.Node(false, toName));
    }
  }

  @Override
  public void delete(String path) throws StorageException {
    StoragePaths.check("remove", path);
    synchronized (lock) {
      checkOpen("remove", path);
      PathIndex.Node n = index.get(path);
      if (n == null) {
        if (!index.isDir(path)) {
          throw new NoSuchPathException("remove", path);
        }
        throw new StorageException("remove", path, path.isEmpty() ? "device or resource busy" : "directory not empty", null);
      }
      if (n.dir() && index.hasChildren(path)) {
        throw new StorageException("remove", path, "directory not empty", null);
      }
      removeNode(path, n);
      keepParent(path);
      if (n.dir()) {
        forgetShardings(path);
      }
    }
  }

  /** A directory implied only by its files stays when the last one goes (it becomes explicit). */
  private void keepParent(String path) {
    String parent = StoragePaths.parent(path);
    if (!parent.isEmpty() && index.get(parent) == null) {
      index.put(parent, new PathIndex.Node(true, null));
    }
  }

  private void removeNode(String path, PathIndex.Node n) throws StorageException {
    if (n.name() != null) {
      try {
        fs.deleteFile(n.name());
      } catch (IOException e) {
        throw BlobfsErrors.map("remove", path, e);
      }
    }
    index.remove(path);
  }

  @Override
  public void deleteTree(String path) throws StorageException {
    StoragePaths.check("removeall", path);
    synchronized (lock) {
      checkOpen("removeall", path);
      for (Map.Entry<String, PathIndex.Node> e : index.subtree(path)) {
        removeNode(e.getKey(), e.getValue());
      }
      forgetShardings(path);
    }
  }

  /** A deleted directory is no store any more: forgets the shardings at and below {@code path}. */
  private void forgetShardings(String path) {
    shards.keySet().removeIf(d -> d.equals(path) || path.isEmpty() || d.startsWith(path + "/"));
    told.removeIf(d -> d.equals(path) || path.isEmpty() || d.startsWith(path + "/"));
  }

  @Override
  public void syncDirectory(String dir) throws StorageException {
    StoragePaths.check("sync", dir);
    flush(dir);
  }

  @Override
  public void shardingRead(String dir, KeySharding sharding) throws StorageException {
    StoragePaths.check("sharding", dir);
    synchronized (lock) {
      if (told.contains(dir)) {
        remap(dir, sharding);
      } else {
        reread(dir, sharding);
      }
    }
  }

  @Override
  public void shardingWritten(String dir, KeySharding sharding) throws StorageException {
    StoragePaths.check("sharding", dir);
    synchronized (lock) {
      remap(dir, sharding);
    }
  }

  /**
   * The names of {@code dir}'s files were written with {@code sharding}: re-parses them (and the
   * foreign names, one of which may now map) into the index. Nothing is written.
   */
  private void reread(String dir, KeySharding sharding) {
    told.add(dir);
    if (sharding == null ? !shards.containsKey(dir) : sharding.equals(shards.get(dir))) {
      return;
    }
    List<String> names = new ArrayList<>(foreign);
    for (Map.Entry<String, PathIndex.Node> e : index.filesWithinTwoLevels(dir)) {
      names.add(e.getValue().name());
      index.remove(e.getKey());
    }
    foreign.clear();
    if (sharding == null) {
      shards.remove(dir);
    } else {
      shards.put(dir, sharding);
    }
    for (String n : names) {
      BlobfsNames.Parsed p = BlobfsNames.parse(n, shards::get);
      if (p == null || !index.putIfAbsent(p.path(), new PathIndex.Node(p.directory(), n))) {
        foreign.add(n);
      }
    }
  }

  /**
   * From now on {@code dir}'s key files follow {@code next}: renames the files whose blobfs name
   * depends on it (two passes through unique temporary names, so no name is ever taken twice),
   * keeping every path. Not crash-atomic; only conversions change an existing sharding.
   */
  private void remap(String dir, KeySharding next) throws StorageException {
    told.add(dir);
    KeySharding prev = shards.get(dir);
    if (next == null ? prev == null : next.equals(prev)) {
      return;
    }
    Map<String, KeySharding> after = new HashMap<>(shards);
    if (next == null) {
      after.remove(dir);
    } else {
      after.put(dir, next);
    }
    List<String[]> moves = new ArrayList<>(); // path, temp name, final name
    for (Map.Entry<String, PathIndex.Node> e : index.filesWithinTwoLevels(dir)) {
      String want = BlobfsNames.fileName(e.getKey(), after::get);
      if (!want.equals(e.getValue().name())) {
        moves.add(new String[] {e.getKey(), e.getValue().name(), want});
      }
    }
    try {
      for (int i = 0; i < moves.size(); i++) {
        String tmp = BlobfsNames.literalName(StoragePaths.join(dir, ".remap-" + i + "-" + System.nanoTime()));
        fs.renameFile(moves.get(i)[1], tmp);
        moves.get(i)[1] = tmp;
        index.put(moves.get(i)[0], new PathIndex.Node(false, tmp));
      }
      for (String[] m : moves) {
        fs.renameFile(m[1], m[2]);
        index.put(m[0], new PathIndex.Node(false, m[2]));
      }
    } catch (IOException e) {
      throw BlobfsErrors.map("rename", dir, e);
    }
    shards.clear();
    shards.putAll(after);
  }

  /**
   * flatfs never removes shard directories, so an empty one must outlive the session: it gets a
   * marker at close (a crash only loses empty directories, which hold no data).
   */
  private void persistEmptyVirtualDirs() {
    List<String> empty = new ArrayList<>();
    for (Map.Entry<String, PathIndex.Node> e : index.all()) {
      if (e.getValue().dir() && e.getValue().name() == null && !index.hasChildren(e.getKey())) {
        empty.add(e.getKey());
      }
    }
    for (String d : empty) {
      try {
        fs.createFile(BlobfsNames.dirName(d));
        index.put(d, new PathIndex.Node(true, BlobfsNames.dirName(d)));
      } catch (IOException e) {
        // best effort (e.g. a full image): an empty directory holds no data, the clean unload matters
      }
    }
  }

  /**
   * In memory only, nothing is written: the image is open in one process at a time (its device
   * holds an exclusive lock on the image file), so only a second open in this one is to be refused.
   */
  @Override
  public StorageLock lock(String path) throws StorageException {
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
        persistEmptyVirtualDirs();
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
