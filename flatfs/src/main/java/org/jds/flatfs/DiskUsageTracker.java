package org.jds.flatfs;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.jds.flatfs.storage.FileStat;
import org.jds.flatfs.storage.Storage;
import org.jds.flatfs.storage.StorageException;
import org.jds.flatfs.storage.StoragePaths;
import org.jds.flatfs.storage.WritableFile;

/**
 * The running disk-usage total and its {@code diskUsage.cache} checkpoints (Go's §5): written at
 * once on a change of more than 1% of the last stored value, otherwise within 2 s, and with fsync
 * at close. The checkpoint thread is the only writer of the file after Open.
 */
final class DiskUsageTracker {
  private static final System.Logger LOG = System.getLogger("org.jds.flatfs");
  /** Go's {@code diskUsageMessageTimeout}. */
  static final Duration MESSAGE_TIMEOUT = Duration.ofSeconds(5);
  /** Go's {@code diskUsageCheckpointPercent}. */
  static final double CHECKPOINT_PERCENT = 1.0;
  /** Go's {@code diskUsageCheckpointTimeout}. */
  static final Duration CHECKPOINT_TIMEOUT = Duration.ofSeconds(2);

  private final Storage storage;
  private final String root;
  private final String tempDir;
  private final FlatfsOptions options;
  private final AtomicLong du = new AtomicLong();

  // Only Open (before start) and the checkpoint thread touch these two.
  private long storedDu;
  private boolean dirty;
  private volatile String storedAccuracy = "";

  private final Object lock = new Object();
  private boolean pending;
  private boolean closing;
  private Thread thread;

  DiskUsageTracker(Storage storage, String root, String tempDir, FlatfsOptions options) {
    this.storage = storage;
    this.root = root;
    this.tempDir = tempDir;
    this.options = options;
  }

  long get() {
    return du.get();
  }

  String accuracy() {
    return storedAccuracy;
  }

  /**
   * Open: use the cache if it holds a positive value; else walk and store the result, and write it
   * (fsynced) when {@code writeCache} (not for a read-only open).
   */
  void initialize(boolean writeCache) throws StorageException {
    String cachePath = StoragePaths.join(root, Layout.DISK_USAGE_FILE);
    try {
      DiskUsageJson.Value v = DiskUsageJson.decode(Retry.onTooManyFiles(options, () -> storage.readAll(cachePath)));
      if (v.accuracy() != null) {
        storedAccuracy = v.accuracy();
      }
      if (v.diskUsage() != null) {
        storedDu = v.diskUsage();
      }
      if (storedDu > 0) {
        du.set(storedDu);
        return;
      }
    } catch (StorageException | IllegalArgumentException e) {
      // no usable cache: compute
    }
    long deadline = System.nanoTime() + options.diskUsageCalcTimeout().toNanos();
    Thread notice = slowWalkNotice();
    FolderSize.Result r;
    try {
      r = new FolderSize(storage, options.diskUsageFilesAverage(), deadline).of(root);
    } finally {
      notice.interrupt();
    }
    if (r.accuracy().equals(Accuracy.TIMED_OUT)) {
      System.out.println("WARN: It took to long to calculate the datastore size");
      System.out.println("WARN: The total size (" + r.du() + ") is an estimation. You can fix errors by");
      System.out.println("WARN: replacing the " + storage.describe(cachePath) + " file with the right disk usage in bytes and");
      System.out.println("WARN: re-opening the datastore");
    }
    storedAccuracy = r.accuracy();
    du.set(r.du());
    if (writeCache) {
      writeFile(r.du(), true);
    }
  }

  /** Go's diskUsageMessageTimeout: tells the user after 5 s that the one-time walk is running. */
  private Thread slowWalkNotice() {
    Thread t = new Thread(() -> {
      try {
        Thread.sleep(MESSAGE_TIMEOUT.toMillis());
        System.out.println("Calculating datastore size. This might take "
            + GoDuration.format(options.diskUsageCalcTimeout()) + " at most and will happen only once");
      } catch (InterruptedException e) {
        // the walk finished in time
      }
    }, "flatfs-du-notice");
    t.setDaemon(true);
    t.start();
    return t;
  }

  void start() {
    thread = new Thread(this::loop, "flatfs-checkpoint");
    thread.setDaemon(true);
    thread.start();
  }

  /** Adds {@code delta}; a non-zero change triggers a checkpoint. */
  void add(long delta) {
    if (delta != 0) {
      du.addAndGet(delta);
      checkpoint();
    }
  }

  /** Adds without a checkpoint (Go's bare atomic add before a rename). */
  void addQuietly(long delta) {
    du.addAndGet(delta);
  }

  /** Adds the current size of {@code path} (0 if it cannot be stat'ed), Go's updateDiskUsage. */
  void addSizeOf(String path, boolean add) {
    long size = sizeOf(storage, path);
    add(add ? size : -size);
  }

  static long sizeOf(Storage storage, String path) {
    try {
      FileStat st = storage.stat(path);
      return st.size();
    } catch (StorageException e) {
      return 0;
    }
  }

  /** Requests a checkpoint; coalesced like Go's size-1 channel. */
  void checkpoint() {
    synchronized (lock) {
      pending = true;
      lock.notifyAll();
    }
  }

  /** Stops the loop after a final fsynced write, and waits for it. */
  void shutdown() {
    synchronized (lock) {
      closing = true;
      lock.notifyAll();
    }
    boolean interrupted = false;
    while (thread != null && thread.isAlive()) {
      try {
        thread.join();
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  private void loop() {
    long timerAt = System.nanoTime();
    boolean timerActive = true;
    while (true) {
      boolean signalled;
      synchronized (lock) {
        while (!pending && !closing && !(timerActive && System.nanoTime() - timerAt >= 0)) {
          try {
            if (timerActive) {
              long ms = Math.max(1, (timerAt - System.nanoTime()) / 1_000_000);
              lock.wait(ms);
            } else {
              lock.wait();
            }
          } catch (InterruptedException e) {
            // the loop ends only through closing
          }
        }
        if (closing) {
          pending = false;
          signalled = false;
        } else {
          signalled = pending;
          pending = false;
        }
      }
      long now = du.get();
      if (closing()) {
        dirty = true;
        writeFile(now, true);
        if (dirty) {
          LOG.log(Level.ERROR, "could not store final value of disk usage to file, future estimates may be inaccurate");
        }
        return;
      }
      if (signalled) {
        dirty = true;
        double diff = Math.abs((double) now - storedDu);
        if (storedDu * CHECKPOINT_PERCENT < diff * 100.0) {
          writeFile(now, false);
        }
        if (dirty && !timerActive) {
          timerAt = System.nanoTime() + CHECKPOINT_TIMEOUT.toNanos();
          timerActive = true;
        }
      } else {
        timerActive = false;
        if (dirty) {
          writeFile(du.get(), false);
        }
      }
    }
  }

  private boolean closing() {
    synchronized (lock) {
      return closing;
    }
  }

  /** Go's {@code writeDiskUsageFile}: temp file, optional fsync, rename; errors only logged. */
  void writeFile(long value, boolean doSync) {
    WritableFile tmp;
    try {
      tmp = Retry.onTooManyFiles(options, () -> storage.createTemp(tempDir, Layout.TEMP_PREFIX));
    } catch (StorageException e) {
      LOG.log(Level.WARNING, "could not write disk usage: " + e.getMessage());
      return;
    }
    boolean renamed = false;
    try {
      tmp.write(DiskUsageJson.encode(value, storedAccuracy));
      if (doSync) {
        Retry.syncFile(tmp);
      }
      tmp.close();
      storage.rename(tmp.path(), StoragePaths.join(root, Layout.DISK_USAGE_FILE));
      renamed = true;
      storedDu = value;
      dirty = false;
    } catch (StorageException e) {
      LOG.log(Level.WARNING, "could not write disk usage: " + e.getMessage());
    } finally {
      if (!renamed) {
        FlatfsDatastore.closeQuietly(tmp);
        FlatfsDatastore.deleteQuietly(storage, tmp.path());
      }
    }
  }
}
