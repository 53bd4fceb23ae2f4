package org.jds.flatfs;

import java.time.Duration;

/**
 * Tunables of a flatfs datastore; Go keeps them in package variables, we pass them per store.
 *
 * @param sync fsync every file and directory a write touches (Go's {@code syncFiles})
 * @param diskUsageFilesAverage at most this many entries per directory are stat'ed when computing
 *     the initial disk usage; the rest is extrapolated; {@code <= 0} means all
 * @param diskUsageCalcTimeout deadline of that computation
 * @param retryAttempts attempts for renames, removes and too-many-open-files errors
 * @param retryDelay back-off unit between attempts (attempt i sleeps (i+1) units)
 */
public record FlatfsOptions(
    boolean sync, int diskUsageFilesAverage, Duration diskUsageCalcTimeout, int retryAttempts, Duration retryDelay) {

  /** Go's {@code DiskUsageFilesAverage}. */
  public static final int DISK_USAGE_FILES_AVERAGE = 2000;
  /** Go's {@code DiskUsageCalcTimeout}. */
  public static final Duration DISK_USAGE_CALC_TIMEOUT = Duration.ofMinutes(5);
  /** Go's {@code RetryAttempts}. */
  public static final int RETRY_ATTEMPTS = 6;
  /** Go's {@code RetryDelay}. */
  public static final Duration RETRY_DELAY = Duration.ofMillis(200);

  /** Go's defaults with the given sync flag. */
  public static FlatfsOptions defaults(boolean sync) {
    return new FlatfsOptions(sync, DISK_USAGE_FILES_AVERAGE, DISK_USAGE_CALC_TIMEOUT, RETRY_ATTEMPTS, RETRY_DELAY);
  }

  public FlatfsOptions withSync(boolean s) {
    return new FlatfsOptions(s, diskUsageFilesAverage, diskUsageCalcTimeout, retryAttempts, retryDelay);
  }

  public FlatfsOptions withDiskUsageFilesAverage(int n) {
    return new FlatfsOptions(sync, n, diskUsageCalcTimeout, retryAttempts, retryDelay);
  }

  public FlatfsOptions withDiskUsageCalcTimeout(Duration d) {
    return new FlatfsOptions(sync, diskUsageFilesAverage, d, retryAttempts, retryDelay);
  }

  public FlatfsOptions withRetry(int attempts, Duration delay) {
    return new FlatfsOptions(sync, diskUsageFilesAverage, diskUsageCalcTimeout, attempts, delay);
  }
}
