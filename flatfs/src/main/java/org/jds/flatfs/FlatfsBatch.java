package org.jds.flatfs;

import java.lang.System.Logger.Level;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import org.jds.datastore.BatchReader;
import org.jds.datastore.DatastoreException;
import org.jds.datastore.DiscardableBatch;
import org.jds.datastore.Key;
import org.jds.datastore.NotFoundException;
import org.jds.datastore.query.NaiveQuery;
import org.jds.datastore.query.Query;
import org.jds.datastore.query.Results;
import org.jds.flatfs.storage.CreateMode;
import org.jds.flatfs.storage.FileAccess;
import org.jds.flatfs.storage.StorageException;
import org.jds.flatfs.storage.StoragePaths;
import org.jds.flatfs.storage.WritableFile;

/**
 * A flatfs batch (Go's {@code flatfsBatch}): puts are written asynchronously (at most 16 at once)
 * into {@code .temp/batch-<nanos>-<rand>/<KEY>.data} and renamed into place on {@link #commit()}.
 * Inside a batch the first put of a key wins; a later put only cancels a pending delete. Reads see
 * the batch's own uncommitted state ({@link #get}, {@link #has}, {@link #getSize}, {@link #query}).
 *
 * <p>Go's optional batch interfaces are Java interfaces here: {@link DiscardableBatch} ({@link
 * #discard()}) and {@link BatchReader} (get, has, getSize, query); wrappers pass them through.
 *
 * <p>Put, Delete and the reads are safe to call concurrently; commit and discard must not overlap
 * other calls on the same batch. A batch must not be used after commit or discard.
 */
public final class FlatfsBatch implements DiscardableBatch, BatchReader {
  private static final System.Logger LOG = System.getLogger("org.jds.flatfs");
  /** Go's {@code maxConcurrentPuts}. */
  static final int MAX_CONCURRENT_PUTS = 16;

  private static final ExecutorService WRITERS =
      Executors.newCachedThreadPool(
          r -> {
            Thread t = new Thread(r, "flatfs-batch-writer");
            t.setDaemon(true);
            return t;
          });

  private final FlatfsDatastore ds;
  private final String batchDir;
  private final Semaphore gate = new Semaphore(MAX_CONCURRENT_PUTS);

  private final Object mu = new Object();
  private List<Key> puts = new ArrayList<>();
  private Set<Key> putSet = new HashSet<>();
  private Set<Key> deletes = new HashSet<>();

  private final Object asyncLock = new Object();
  private int inFlight;
  private DatastoreException asyncError;

  private FlatfsBatch(FlatfsDatastore ds, String batchDir) {
    this.ds = ds;
    this.batchDir = batchDir;
  }

  static FlatfsBatch create(FlatfsDatastore ds) throws DatastoreException {
    Instant now = Instant.now();
    long nanos = now.getEpochSecond() * 1_000_000_000L + now.getNano();
    long int63 = ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE;
    String dir = StoragePaths.join(ds.tempPath(), Layout.BATCH_DIR_PREFIX + nanos + "-" + int63);
    try {
      if (!ds.storage().mkdir(dir)) {
        throw new StorageException("mkdir", dir, "file exists", null);
      }
    } catch (StorageException e) {
      throw new FlatfsException(FlatfsException.Reason.BATCH_FAILED, "failed to create batch temp directory: " + e.getMessage(), e);
    }
    return new FlatfsBatch(ds, dir);
  }

  private String stagingFile(Key key) {
    return StoragePaths.join(batchDir, Keys.noSlash(key) + Layout.EXTENSION);
  }

  /** Stages {@code value}; returns before it is written. A failed write surfaces on the next call. */
  @Override
  public void put(Key key, byte[] value) throws DatastoreException {
    byte[] copy = Keys.checkPut(key, value);
    throwAsyncError();
    gate.acquireUninterruptibly();
    synchronized (mu) {
      deletes.remove(key);
      if (putSet.contains(key)) {
        gate.release();
        return;
      }
      puts.add(key);
      putSet.add(key);
    }
    synchronized (asyncLock) {
      inFlight++;
    }
    String file = stagingFile(key);
    try {
      WRITERS.execute(() -> writeStaged(file, copy));
    } catch (RuntimeException e) {
      finishAsync(new FlatfsException(FlatfsException.Reason.BATCH_FAILED, "failed to create temp file: " + e));
    }
  }

  private void writeStaged(String file, byte[] value) {
    String stage = "failed to create temp directory: ";
    WritableFile f = null;
    try {
      ds.storage().mkdirs(batchDir);
      stage = "failed to create temp file: ";
      f = ds.storage().create(file, CreateMode.TRUNCATE, FileAccess.DEFAULT);
      stage = "failed to write to temp file: ";
      f.write(value);
      if (ds.options().sync()) {
        stage = "failed to sync temp file: ";
        Retry.syncFile(f);
      }
      stage = "failed to close temp file: ";
      f.close();
      finishAsync(null);
    } catch (StorageException e) {
      if (f != null) {
        FlatfsDatastore.closeQuietly(f);
        FlatfsDatastore.deleteQuietly(ds.storage(), file);
      }
      finishAsync(new FlatfsException(FlatfsException.Reason.BATCH_FAILED, stage + e.getMessage(), e));
    }
  }

  private void finishAsync(DatastoreException err) {
    synchronized (asyncLock) {
      if (err != null && asyncError == null) {
        asyncError = err;
      }
      inFlight--;
      asyncLock.notifyAll();
    }
    gate.release();
  }

  private void throwAsyncError() throws DatastoreException {
    synchronized (asyncLock) {
      if (asyncError != null) {
        throw asyncError;
      }
    }
  }

  /** Waits for staged writes, then reports the first failure if any. */
  private void awaitWrites() throws DatastoreException {
    boolean interrupted = false;
    synchronized (asyncLock) {
      while (inFlight > 0) {
        try {
          asyncLock.wait();
        } catch (InterruptedException e) {
          interrupted = true;
        }
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
    throwAsyncError();
  }

  /** Marks a key for deletion at commit; invalid keys are ignored (they cannot exist). */
  @Override
  public void delete(Key key) throws DatastoreException {
    synchronized (mu) {
      throwAsyncError();
      if (Keys.isValid(key)) {
        deletes.add(key);
      }
    }
  }

  /**
   * Renames every staged put (not later deleted) into place, then applies the deletes.
   *
   * @throws org.jds.datastore.ClosedException if the datastore was closed
   * @throws FlatfsException {@code BATCH_FAILED} with Go's message when a step fails
   */
  @Override
  public void commit() throws DatastoreException {
    awaitWrites();
    synchronized (mu) {
      ds.withOpenLock(this::commitLocked);
    }
  }

  private void commitLocked() throws DatastoreException {
    Set<String> dirs = new LinkedHashSet<>();
    for (Key key : puts) {
      if (deletes.contains(key)) {
        continue;
      }
      String dir = ds.dirOf(key);
      try {
        ds.writes().makeDirNoSync(dir);
      } catch (StorageException e) {
        throw new FlatfsException(FlatfsException.Reason.BATCH_FAILED, "failed to create directory: " + e.getMessage(), e);
      }
      dirs.add(dir);
    }
    for (Key key : puts) {
      if (deletes.contains(key)) {
        continue;
      }
      String staged = stagingFile(key);
      try {
        ds.writes().commitStaged(key, staged);
      } catch (DatastoreException e) {
        removeBatchDir();
        throw new FlatfsException(FlatfsException.Reason.BATCH_FAILED, "failed to rename temp file: " + e.getMessage(), e);
      }
    }
    for (Key key : deletes) {
      ds.deleteUnlocked(key);
    }
    if (ds.options().sync()) {
      for (String dir : dirs) {
        try {
          Retry.throttledSync(() -> ds.storage().syncDirectory(dir));
        } catch (StorageException e) {
          throw new FlatfsException(FlatfsException.Reason.BATCH_FAILED, "failed to sync directory: " + e.getMessage(), e);
        }
      }
      try {
        Retry.throttledSync(() -> ds.storage().syncDirectory(ds.path()));
      } catch (StorageException e) {
        throw new FlatfsException(FlatfsException.Reason.BATCH_FAILED, "failed to sync root directory: " + e.getMessage(), e);
      }
    }
    reset();
    removeBatchDir();
  }

  /**
   * Drops everything staged and removes the staging directory (Go's {@code Discard}). Never fails:
   * a directory that cannot be removed is logged and left for the next open's temp cleanup, as Go.
   */
  @Override
  public void discard() {
    try {
      awaitWrites();
    } catch (DatastoreException e) {
      // discarding anyway
    }
    synchronized (mu) {
      removeBatchDir();
      reset();
      synchronized (asyncLock) {
        asyncError = null;
      }
    }
  }

  private void reset() {
    puts = new ArrayList<>();
    putSet = new HashSet<>();
    deletes = new HashSet<>();
  }

  private void removeBatchDir() {
    try {
      ds.storage().deleteTree(batchDir);
    } catch (StorageException e) {
      LOG.log(Level.WARNING, "failed to remove batch temp directory " + batchDir + ": " + e.getMessage());
    }
  }

  // ---- reads through the batch (Go's BatchReader) ------------------------------------------------

  private enum State { DELETED, STAGED, ABSENT }

  private State state(Key key) {
    synchronized (mu) {
      if (deletes.contains(key)) {
        return State.DELETED;
      }
      return putSet.contains(key) ? State.STAGED : State.ABSENT;
    }
  }

  @Override
  public byte[] get(Key key) throws DatastoreException {
    awaitWrites();
    switch (state(key)) {
      case DELETED:
        throw NotFoundException.INSTANCE;
      case STAGED:
        return ds.readValue(stagingFile(key));
      default:
        return ds.get(key);
    }
  }

  @Override
  public boolean has(Key key) throws DatastoreException {
    awaitWrites();
    switch (state(key)) {
      case DELETED:
        return false;
      case STAGED:
        return true;
      default:
        return ds.has(key);
    }
  }

  @Override
  public int getSize(Key key) throws DatastoreException {
    awaitWrites();
    switch (state(key)) {
      case DELETED:
        throw NotFoundException.INSTANCE;
      case STAGED:
        return ds.statSize(stagingFile(key));
      default:
        return ds.getSize(key);
    }
  }

  /** The batch's puts (in put order) and then the store's entries, minus deleted or repeated keys. */
  @Override
  public Results query(Query q) throws DatastoreException {
    awaitWrites();
    if (!Key.of(q.prefix()).toString().equals("/")) {
      return Results.fromEntries(q, List.of());
    }
    Results main = ds.query(q);
    List<Key> snapshot;
    Set<Key> skip;
    synchronized (mu) {
      snapshot = new ArrayList<>(puts);
      skip = new HashSet<>(deletes);
    }
    BatchQueryMerge merged = new BatchQueryMerge(ds, q, snapshot, skip, this::stagingFile, main);
    return NaiveQuery.apply(q, Results.fromIterator(q, merged));
  }
}
