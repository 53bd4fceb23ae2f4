package org.jds.flatfs;

import java.util.List;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.jds.datastore.Batching;
import org.jds.datastore.ClosedException;
import org.jds.datastore.DatastoreException;
import org.jds.datastore.DatastoreIOException;
import org.jds.datastore.Key;
import org.jds.datastore.NotFoundException;
import org.jds.datastore.PersistentDatastore;
import org.jds.datastore.query.NaiveQuery;
import org.jds.datastore.query.Query;
import org.jds.datastore.query.Results;
import org.jds.flatfs.storage.NoSuchPathException;
import org.jds.flatfs.storage.Storage;
import org.jds.flatfs.storage.StorageException;
import org.jds.flatfs.storage.StoragePaths;
import org.jds.flatfs.storage.WritableFile;

/**
 * go-ds-flatfs v0.6.1 over a {@link Storage}: one file per key, {@code <dir>/<shard>/<KEY>.data},
 * with Go's exact on-disk layout.
 *
 * <p>Thread-safe. Writes to one key that overlap in time are deduplicated: the first to succeed
 * wins and the others return without writing (Go's "first successful writer wins"); sequential
 * writes overwrite. After {@link #close()} every operation throws {@link ClosedException}. Go
 * keeps reads, queries and invalid-key deletes working after Close; we refuse them, so that a
 * closed store never serves a caller by accident.
 *
 * <p>Keys must be one component of {@code 0-9 A-Z + - _ =}. An invalid key makes {@link #put} throw
 * {@link org.jds.datastore.InvalidKeyException}; get/getSize treat it as not found, has as absent,
 * and delete as a no-op.
 */
public final class FlatfsDatastore implements Batching, PersistentDatastore {
  private final Storage storage;
  private final String path;
  private final String tempPath;
  private final ShardId shard;
  private final FlatfsOptions options;
  private final DiskUsageTracker diskUsage;
  private final WritePath writes;
  private final ReentrantReadWriteLock shutdownLock = new ReentrantReadWriteLock();
  private volatile boolean shutdown;

  private FlatfsDatastore(Storage storage, String path, ShardId shard, FlatfsOptions options) {
    this.storage = storage;
    this.path = path;
    this.tempPath = StoragePaths.join(path, Layout.TEMP_DIR);
    this.shard = shard;
    this.options = options;
    this.diskUsage = new DiskUsageTracker(storage, path, tempPath, options);
    this.writes = new WritePath(this, diskUsage);
  }

  /** Go's {@code Create}: see {@link Lifecycle#create}. */
  public static void create(Storage storage, String path, ShardId fn) throws DatastoreException {
    Lifecycle.create(storage, path, fn);
  }

  /** Go's {@code Open(path, sync)} with default tunables. */
  public static FlatfsDatastore open(Storage storage, String path, boolean sync) throws DatastoreException {
    return open(storage, path, FlatfsOptions.defaults(sync));
  }

  /**
   * Go's {@code Open}: wipes and recreates {@code .temp}, reads SHARDING, loads or computes the disk
   * usage and starts the checkpoint thread.
   *
   * @throws FlatfsException {@code DATASTORE_DOES_NOT_EXIST}, {@code SHARDING_FILE_MISSING}, {@code
   *     BAD_SHARD_ID}, {@code TEMP_DIR}
   * @throws DatastoreIOException when the storage fails
   */
  public static FlatfsDatastore open(Storage storage, String path, FlatfsOptions options) throws DatastoreException {
    ShardId id = Lifecycle.prepareOpen(storage, path);
    FlatfsDatastore ds = new FlatfsDatastore(storage, path, id, options);
    try {
      ds.diskUsage.initialize();
    } catch (StorageException e) {
      throw io(e);
    }
    ds.diskUsage.start();
    return ds;
  }

  /** Go's {@code CreateOrOpen}: Create (an existing identical store is fine), then Open. */
  public static FlatfsDatastore createOrOpen(Storage storage, String path, ShardId fn, boolean sync) throws DatastoreException {
    return createOrOpen(storage, path, fn, FlatfsOptions.defaults(sync));
  }

  public static FlatfsDatastore createOrOpen(Storage storage, String path, ShardId fn, FlatfsOptions options)
      throws DatastoreException {
    try {
      create(storage, path, fn);
    } catch (FlatfsException e) {
      if (e.reason() != FlatfsException.Reason.DATASTORE_EXISTS) {
        throw e;
      }
    }
    return open(storage, path, options);
  }

  /** The shard function id read from SHARDING (Go's {@code ShardStr}). */
  public String shardStr() {
    return shard.toString();
  }

  public ShardId shardId() {
    return shard;
  }

  /** The accuracy of the stored disk-usage value, e.g. {@code initial-exact}. */
  public String accuracy() {
    return diskUsage.accuracy();
  }

  public Storage storage() {
    return storage;
  }

  /** The store's directory inside {@link #storage()}. */
  public String path() {
    return path;
  }

  FlatfsOptions options() {
    return options;
  }

  String tempPath() {
    return tempPath;
  }

  WritePath writes() {
    return writes;
  }

  /** The shard directory of a valid key. */
  String dirOf(Key key) {
    return StoragePaths.join(path, shard.apply(Keys.noSlash(key)));
  }

  /** The value file of a valid key. */
  String fileOf(Key key) {
    return StoragePaths.join(dirOf(key), Keys.noSlash(key) + Layout.EXTENSION);
  }

  // ---- writes ----------------------------------------------------------------------------------

  @Override
  public void put(Key key, byte[] value) throws DatastoreException {
    byte[] copy = Keys.checkPut(key, value);
    withOpenLock(() -> writes.put(key, copy));
  }

  @Override
  public void delete(Key key) throws DatastoreException {
    checkOpen();
    if (!Keys.isValid(key)) {
      return;
    }
    withOpenLock(() -> writes.delete(key));
  }

  /** Delete for a caller that already holds the shutdown read-lock (batch commit). */
  void deleteUnlocked(Key key) throws DatastoreException {
    if (Keys.isValid(key)) {
      writes.delete(key);
    }
  }

  @Override
  public void sync(Key prefix) throws DatastoreException {
    // Go quirk: flushes nothing; durability comes from the sync flag alone.
    withOpenLock(() -> {});
  }

  interface LockedWork {
    void run() throws DatastoreException;
  }

  /**
   * Throws {@link ClosedException} once closed. A cheap check for reads, which need no lock: a read
   * racing with close may still complete, as it would have a moment earlier. Public for wrappers
   * that answer some calls from elsewhere (the blobfs datastore's disk usage).
   */
  public void checkOpen() throws ClosedException {
    if (shutdown) {
      throw new ClosedException();
    }
  }

  /** Runs {@code work} under the shutdown read-lock; {@link ClosedException} once closed. */
  void withOpenLock(LockedWork work) throws DatastoreException {
    shutdownLock.readLock().lock();
    try {
      if (shutdown) {
        throw new ClosedException();
      }
      work.run();
    } finally {
      shutdownLock.readLock().unlock();
    }
  }

  // ---- reads -----------------------------------------------------------------------------------

  @Override
  public byte[] get(Key key) throws DatastoreException {
    checkOpen();
    if (!Keys.isValid(key)) {
      throw NotFoundException.INSTANCE;
    }
    return readValue(fileOf(key));
  }

  /** Reads a value file with the too-many-open-files retry; absence is not-found. */
  byte[] readValue(String file) throws DatastoreException {
    try {
      return Retry.onTooManyFiles(options, () -> storage.readAll(file));
    } catch (NoSuchPathException e) {
      throw NotFoundException.INSTANCE;
    } catch (StorageException e) {
      throw io(e);
    }
  }

  @Override
  public boolean has(Key key) throws DatastoreException {
    checkOpen();
    if (!Keys.isValid(key)) {
      return false;
    }
    try {
      storage.stat(fileOf(key));
      return true;
    } catch (NoSuchPathException e) {
      return false;
    } catch (StorageException e) {
      throw io(e);
    }
  }

  @Override
  public int getSize(Key key) throws DatastoreException {
    checkOpen();
    if (!Keys.isValid(key)) {
      throw NotFoundException.INSTANCE;
    }
    return statSize(fileOf(key));
  }

  int statSize(String file) throws DatastoreException {
    try {
      return (int) storage.stat(file).size();
    } catch (NoSuchPathException e) {
      throw NotFoundException.INSTANCE;
    } catch (StorageException e) {
      throw io(e);
    }
  }

  /**
   * Root-prefix queries walk the tree lazily; any other prefix gives no results (flatfs keys have
   * one component). Filters, orders, offset and limit are applied by {@link NaiveQuery}.
   */
  @Override
  public Results query(Query q) throws DatastoreException {
    checkOpen();
    return walk(q);
  }

  /** The query itself, without the closed check: {@link Convert#move} walks deactivated stores. */
  Results walk(Query q) {
    if (!Key.of(q.prefix()).toString().equals("/")) {
      return Results.fromEntries(q, List.of());
    }
    return NaiveQuery.apply(q, Results.fromIterator(q, new QueryWalker(this, q)));
  }

  @Override
  public long diskUsage() throws DatastoreException {
    checkOpen();
    return diskUsage.get();
  }

  // ---- batch and close -------------------------------------------------------------------------

  /** A new batch staged in {@code .temp}. Go allows this after close (only commit fails); we refuse. */
  @Override
  public FlatfsBatch batch() throws DatastoreException {
    checkOpen();
    return FlatfsBatch.create(this);
  }

  /** Waits for in-flight writes, then writes the final disk-usage checkpoint (fsynced). Idempotent. */
  @Override
  public void close() {
    shutdownLock.writeLock().lock();
    try {
      if (shutdown) {
        return;
      }
      shutdown = true;
      diskUsage.shutdown();
    } finally {
      shutdownLock.writeLock().unlock();
    }
  }

  boolean isClosed() {
    return shutdown;
  }

  static DatastoreIOException io(StorageException e) {
    return new DatastoreIOException(e.getMessage(), e);
  }

  static void closeQuietly(WritableFile f) {
    try {
      f.close();
    } catch (StorageException e) {
      // cleanup path: the original error matters
    }
  }

  static void deleteQuietly(Storage storage, String p) {
    try {
      storage.delete(p);
    } catch (StorageException e) {
      // cleanup path: .temp is wiped on the next Open anyway
    }
  }
}
