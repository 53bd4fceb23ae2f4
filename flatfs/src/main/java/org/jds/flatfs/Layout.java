package org.jds.flatfs;

/**
 * Every name flatfs puts on disk, byte-identical to go-ds-flatfs v0.6.1. Each is written in one
 * place and read in one place.
 */
public final class Layout {
  private Layout() {}

  /** Holds the shard-function id plus a newline; the only file Open requires. */
  public static final String SHARDING_FN = "SHARDING";
  /** Written for the default shard function only; never read back. */
  public static final String README_FN = "_README";
  /** The JSON disk-usage checkpoint. */
  public static final String DISK_USAGE_FILE = "diskUsage.cache";
  /** Scratch directory, wiped on every Open; its leading dot hides it from queries. */
  public static final String TEMP_DIR = ".temp";
  /**
   * The writer lock inside {@link #TEMP_DIR} (jds only; go-ds-flatfs has none): the one entry that
   * Open's wipe of {@code .temp} keeps, so that every writer locks the same file.
   */
  public static final String LOCK_FILE = "jds.lock";
  /** Prefix of Put and disk-usage temp files inside {@link #TEMP_DIR}. */
  public static final String TEMP_PREFIX = "temp-";
  /** Prefix of a batch staging directory inside {@link #TEMP_DIR}. */
  public static final String BATCH_DIR_PREFIX = "batch-";
  /** Suffix of every value file. */
  public static final String EXTENSION = ".data";
  /** Temp files of old flatfs versions, left in shard dirs; recognised and tolerated. */
  public static final String LEGACY_PUT_PREFIX = "put-";
  /** Names starting with this are never data (queries skip them). */
  public static final char HIDDEN_MARK = '.';
}
