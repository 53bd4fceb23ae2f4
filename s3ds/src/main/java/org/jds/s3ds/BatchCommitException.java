package org.jds.s3ds;

import java.util.List;
import java.util.Map;
import org.jds.datastore.DatastoreIOException;
import org.jds.datastore.Key;

/**
 * A batch commit in which some operations are not known to be applied: {@link #uncommitted()} names
 * them (S3 refused them, or the service could not be reached within the retry budget). Every
 * operation of the batch not listed was acknowledged by S3 and is durable. Listed puts may still
 * have landed (the answer was lost); re-running them is safe.
 */
public final class BatchCommitException extends DatastoreIOException {
  private static final long serialVersionUID = 1L;
  /** How many failed keys the message itself lists. */
  static final int MESSAGE_KEYS = 10;

  private final transient List<Key> uncommitted;

  BatchCommitException(Map<Key, String> failed, int total, Throwable firstCause) {
    super(message(failed, total), firstCause);
    this.uncommitted = List.copyOf(failed.keySet());
  }

  /** The keys whose put or delete is not known to be committed, in the batch's order. */
  public List<Key> uncommitted() {
    return uncommitted;
  }

  private static String message(Map<Key, String> failed, int total) {
    StringBuilder sb = new StringBuilder("s3ds: batch commit: ").append(failed.size()).append(" of ").append(total)
        .append(" operations not committed (the other ").append(total - failed.size())
        .append(" are):");
    int n = 0;
    for (Map.Entry<Key, String> e : failed.entrySet()) {
      if (n++ == MESSAGE_KEYS) {
        sb.append("\n  ... and ").append(failed.size() - MESSAGE_KEYS).append(" more (see uncommitted())");
        break;
      }
      sb.append("\n  ").append(e.getKey()).append(": ").append(e.getValue());
    }
    return sb.toString();
  }
}
