package org.jds.flatfs;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import org.jds.flatfs.storage.StorageException;
import org.jds.flatfs.storage.TooManyOpenFilesException;
import org.jds.flatfs.storage.WritableFile;

/** Go's retry and fsync-throttling helpers (util.go, sync.go). */
final class Retry {
  private Retry() {}

  /** Go's {@code SyncThreadsMax}: fsyncs in flight across all stores. */
  static final int SYNC_THREADS_MAX = 16;

  private static final Semaphore SYNC_SEMAPHORE = new Semaphore(SYNC_THREADS_MAX);

  interface IoCall<T> {
    T call() throws StorageException;
  }

  interface IoRun {
    void run() throws StorageException;
  }

  /** Retries {@code c} only on too-many-open-files, sleeping (i+1)×delay (Go's readFile/tempFile). */
  static <T> T onTooManyFiles(FlatfsOptions o, IoCall<T> c) throws StorageException {
    for (int i = 0; ; i++) {
      try {
        return c.call();
      } catch (TooManyOpenFilesException e) {
        if (i + 1 >= o.retryAttempts()) {
          throw e;
        }
        sleep(o.retryDelay().multipliedBy(i + 1));
      }
    }
  }

  static void sleep(Duration d) {
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Runs an fsync under the global semaphore. */
  static void throttledSync(IoRun r) throws StorageException {
    SYNC_SEMAPHORE.acquireUninterruptibly();
    try {
      r.run();
    } finally {
      SYNC_SEMAPHORE.release();
    }
  }

  static void syncFile(WritableFile f) throws StorageException {
    throttledSync(f::sync);
  }
}
