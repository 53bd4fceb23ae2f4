package org.jds.datastore;

import java.util.List;
import java.util.stream.Collectors;

/** Go's {@code errors.Join} for the fan-out wrappers. */
public final class Errors {
  private Errors() {}

  /**
   * Null for no errors; otherwise one exception whose message is the messages joined by newlines
   * (as Go prints a joined error). The first error is the cause, the rest are suppressed.
   */
  public static DatastoreException join(List<DatastoreException> errors) {
    if (errors.isEmpty()) {
      return null;
    }
    String msg = errors.stream().map(Throwable::getMessage).collect(Collectors.joining("\n"));
    DatastoreException joined = new DatastoreException(msg, errors.get(0));
    for (int i = 1; i < errors.size(); i++) {
      joined.addSuppressed(errors.get(i));
    }
    return joined;
  }

  /** Wraps {@code e} with Go's {@code fmt.Errorf("<prefix>%w", e)} message. */
  public static DatastoreException wrap(String prefix, DatastoreException e) {
    return new DatastoreException(prefix + e.getMessage(), e);
  }
}
