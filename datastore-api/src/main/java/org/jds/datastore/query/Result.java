package org.jds.datastore.query;

import org.jds.datastore.DatastoreException;

/** Either an entry or an error (go-datastore's {@code query.Result}). */
public final class Result {
  private final Entry entry;
  private final DatastoreException error;

  private Result(Entry entry, DatastoreException error) {
    this.entry = entry;
    this.error = error;
  }

  public static Result of(Entry entry) {
    return new Result(entry, null);
  }

  public static Result error(DatastoreException error) {
    return new Result(null, error);
  }

  public boolean isError() {
    return error != null;
  }

  /** The entry; null when this is an error. */
  public Entry entry() {
    return entry;
  }

  /** The error; null when this is an entry. */
  public DatastoreException error() {
    return error;
  }

  @Override
  public String toString() {
    return error != null ? "Result{error=" + error.getMessage() + "}" : "Result{" + entry + "}";
  }
}
