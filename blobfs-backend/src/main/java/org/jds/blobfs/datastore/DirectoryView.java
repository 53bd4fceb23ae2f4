package org.jds.blobfs.datastore;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jds.blobfs.fs.BlobFileSystem;
import org.jds.flatfs.storage.FileStat;
import org.jds.flatfs.storage.KeySharding;
import org.jds.flatfs.storage.NoSuchPathException;
import org.jds.flatfs.storage.PathExistsException;
import org.jds.flatfs.storage.StorageException;
import org.jds.flatfs.storage.StoragePaths;

/**
 * The directory tree the storage SPI shows, over blobfs's flat namespace: the in-memory {@link
 * PathIndex} (every path with its blobfs name), directory markers and virtual shard directories,
 * parent checks, listings, and the stores' shardings that {@link BlobfsNames} maps names with.
 * Every namespace change goes through here; file data does not.
 *
 * <p>Errors are the storage SPI's. Not thread-safe: {@link BlobfsStorage} calls it with its lock
 * held.
 */
final class DirectoryView {
  private final BlobFileSystem fs;
  private final PathIndex index = new PathIndex();
  private final Map<String, KeySharding> shards = new HashMap<>();
  /** Directories whose sharding flatfs has told since the open (their names follow {@link #shards}). */
  private final Set<String> told = new HashSet<>();
  private final List<String> foreign = new ArrayList<>();

  DirectoryView(BlobFileSystem fs) {
    this.fs = fs;
  }

  /**
   * Builds the index from every name, with no sharding known yet (flatfs tells it when it opens a
   * store, {@link #shardingRead}). Names of the old layout ({@link BlobfsNames#isLegacy}) are
   * renamed to the encoded form if {@code writable}, else read as they are.
   */
  void load(boolean writable) throws StorageException {
    List<String> legacy = new ArrayList<>();
    List<String> names;
    try {
      names = fs.list();
    } catch (IOException e) {
      throw BlobfsErrors.map("open", "", e);
    }
    for (String n : names) {
      BlobfsNames.Parsed p = BlobfsNames.parse(n, shards::get);
      if (p == null || !index.putIfAbsent(p.path(), new PathIndex.Node(p.directory(), n))) {
        foreign.add(n);
      } else if (BlobfsNames.isLegacy(n)) {
        legacy.add(p.path());
      }
    }
    if (!legacy.isEmpty() && writable) {
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
  List<String> foreignNames() {
    return new ArrayList<>(foreign);
  }

  boolean hasForeignNames() {
    return !foreign.isEmpty();
  }

  // ---- lookups ---------------------------------------------------------------------------------

  /** The blobfs name of the file at {@code path}. */
  String fileName(String op, String path) throws StorageException {
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
    return missing(op, path);
  }

  /**
   * The error for a path that is not there: "not a directory" if an ancestor is a file (ENOTDIR,
   * as a local file system says), else {@link NoSuchPathException}.
   */
  private StorageException missing(String op, String path) {
    for (String p = StoragePaths.parent(path); !p.isEmpty(); p = StoragePaths.parent(p)) {
      PathIndex.Node n = index.get(p);
      if (n != null) {
        return n.dir() ? new NoSuchPathException(op, path) : BlobfsErrors.notDirectory(op, path);
      }
    }
    return new NoSuchPathException(op, path);
  }

  /** {@code path} must exist (a file or a directory). */
  void checkExists(String op, String path) throws StorageException {
    if (!index.exists(path)) {
      throw missing(op, path);
    }
  }

  FileStat stat(String path) throws StorageException {
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

  /** {@code dir} must be a directory to be listed. */
  void checkListable(String dir) throws StorageException {
    if (!index.isDir(dir)) {
      if (index.get(dir) != null) {
        throw BlobfsErrors.notDirectory("open", dir);
      }
      throw missing("open", dir);
    }
  }

  /** The next names of a listing of {@code dir} ({@link PathIndex#nextChildren}). */
  boolean nextChildren(String dir, PathIndex.Cursor cursor, int max, List<String> out) {
    return index.nextChildren(dir, cursor, max, out);
  }

  /** The parent of {@code path} must be an existing directory. */
  void checkParent(String op, String path) throws StorageException {
    if (!index.isDir(StoragePaths.parent(path))) {
      throw missing(op, path);
    }
  }

  // ---- changes ---------------------------------------------------------------------------------

  /**
   * Where a file opened for writing at {@code path} lives: the blobfs name of the existing file
   * (to be truncated; {@code exclusive} refuses it), or null for a new one ({@link #newFileName}).
   */
  String existingForWrite(String path, boolean exclusive) throws StorageException {
    checkParent("open", path);
    PathIndex.Node n = index.get(path);
    if (index.isDir(path)) {
      throw BlobfsErrors.isDirectory("open", path);
    }
    if (n != null && exclusive) {
      throw new PathExistsException("open", path);
    }
    return n == null ? null : n.name();
  }

  /** The blobfs name a new file at {@code path} gets. */
  String newFileName(String path) {
    return BlobfsNames.fileName(path, shards::get);
  }

  /** A file named {@code name} now exists at {@code path}. */
  void added(String path, String name) {
    index.put(path, new PathIndex.Node(false, name));
  }

  /** One level; a shard directory of a store is virtual (no marker). */
  boolean mkdir(String path) throws StorageException {
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

  /** A file in the way of {@link #mkdir}s at {@code path}. */
  void checkNotFile(String op, String path) throws StorageException {
    PathIndex.Node n = index.get(path);
    if (n != null && !n.dir()) {
      throw BlobfsErrors.notDirectory(op, path);
    }
  }

  /**
   * Checks a rename of the file {@code from} to {@code to}: returns the blobfs names {@code
   * {from's, to's}} (to's existing one, or the one a new file gets), or null for a rename onto
   * itself.
   */
  String[] renameNames(String from, String to) throws StorageException {
    String both = from + " " + to;
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
      return null;
    }
    PathIndex.Node dst = index.get(to);
    return new String[] {src.name(), dst != null ? dst.name() : BlobfsNames.fileName(to, shards::get)};
  }

  /** The file at {@code from} is now named {@code toName}, at {@code to}. */
  void renamed(String from, String to, String toName) {
    index.remove(from);
    keepParent(from);
    index.put(to, new PathIndex.Node(false, toName));
  }

  void delete(String path) throws StorageException {
    PathIndex.Node n = index.get(path);
    if (n == null) {
      if (!index.isDir(path)) {
        throw missing("remove", path);
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

  void deleteTree(String path) throws StorageException {
    for (Map.Entry<String, PathIndex.Node> e : index.subtree(path)) {
      removeNode(e.getKey(), e.getValue());
    }
    forgetShardings(path);
  }

  /** A deleted directory is no store any more: forgets the shardings at and below {@code path}. */
  private void forgetShardings(String path) {
    shards.keySet().removeIf(d -> d.equals(path) || path.isEmpty() || d.startsWith(path + "/"));
    told.removeIf(d -> d.equals(path) || path.isEmpty() || d.startsWith(path + "/"));
  }

  // ---- shardings (ShardAware) ------------------------------------------------------------------

  /** As {@link org.jds.flatfs.storage.ShardAware#shardingRead}. */
  void shardingRead(String dir, KeySharding sharding) throws StorageException {
    if (told.contains(dir)) {
      remap(dir, sharding);
    } else {
      reread(dir, sharding);
    }
  }

  /** As {@link org.jds.flatfs.storage.ShardAware#shardingWritten}. */
  void shardingWritten(String dir, KeySharding sharding) throws StorageException {
    remap(dir, sharding);
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
   * marker at close (a crash only loses empty directories, which hold no data). Best effort.
   */
  void persistEmptyVirtualDirs() {
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
}
