package org.jds.datastore.wrap;

/**
 * The operations an {@link InterceptingDatastore} reports to its hook. {@link #goName()} is the name
 * go-datastore's {@code trace} and {@code LogDatastore} use for the same call ({@code Get}, {@code
 * GetSize}, {@code BatchPut}, ...).
 */
public enum DatastoreOp {
  GET("Get"),
  HAS("Has"),
  GET_SIZE("GetSize"),
  QUERY("Query"),
  PUT("Put"),
  DELETE("Delete"),
  SYNC("Sync"),
  DISK_USAGE("DiskUsage"),
  CHECK("Check"),
  SCRUB("Scrub"),
  COLLECT_GARBAGE("CollectGarbage"),
  /** Opening a batch on the child. */
  BATCH("Batch"),
  BATCH_PUT("BatchPut"),
  BATCH_DELETE("BatchDelete"),
  BATCH_COMMIT("BatchCommit"),
  /** {@link org.jds.datastore.DiscardableBatch#discard()} on the child's batch. */
  BATCH_DISCARD("BatchDiscard"),
  /** Reads through the child's batch when it is a {@link org.jds.datastore.BatchReader}. */
  BATCH_GET("BatchGet"),
  BATCH_HAS("BatchHas"),
  BATCH_GET_SIZE("BatchGetSize"),
  BATCH_QUERY("BatchQuery"),
  CLOSE("Close");

  private final String goName;

  DatastoreOp(String goName) {
    this.goName = goName;
  }

  /** The Go method name (trace span name, LogDatastore verb). */
  public String goName() {
    return goName;
  }
}
