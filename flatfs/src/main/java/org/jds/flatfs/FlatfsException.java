package org.jds.flatfs;

import org.jds.datastore.DatastoreException;

/** A flatfs-specific failure, with Go's message text and a {@link Reason} to test against. */
public class FlatfsException extends DatastoreException {
  private static final long serialVersionUID = 1L;

  /** Why; the Go sentinel or error family it stands for. */
  public enum Reason {
    /** Go's {@code ErrDatastoreExists}. */
    DATASTORE_EXISTS,
    /** Go's {@code ErrDatastoreDoesNotExist}. */
    DATASTORE_DOES_NOT_EXIST,
    /** Go's {@code ErrShardingFileMissing}. */
    SHARDING_FILE_MISSING,
    /** A SHARDING id that does not parse (any of ParseShardFunc's errors). */
    BAD_SHARD_ID,
    /** Create on an existing store with another shard function. */
    SHARD_MISMATCH,
    /** Create on a non-empty directory without SHARDING. */
    NOT_A_DATASTORE,
    /** Downgrade of a store that is not prefix-sharded. */
    NOT_PREFIX_SHARDED,
    /** Move met a file it does not know in a shard directory. */
    UNKNOWN_FILE,
    /** The batch's staging directory could not be made, filled or committed. */
    BATCH_FAILED,
    /** Open could not reset {@code .temp}. */
    TEMP_DIR,
    /** Another writer (process or open) holds the store's lock (jds only; Go has no lock). */
    IN_USE
  }

  public static final String MSG_EXISTS = "datastore already exists";
  public static final String MSG_DOES_NOT_EXIST = "datastore directory does not exist";
  public static final String MSG_SHARDING_MISSING = Layout.SHARDING_FN + " file not found in datastore";
  public static final String MSG_INVALID_KEY = "key not supported by flatfs";

  private final Reason reason;

  public FlatfsException(Reason reason, String message) {
    super(message);
    this.reason = reason;
  }

  public FlatfsException(Reason reason, String message, Throwable cause) {
    super(message, cause);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
