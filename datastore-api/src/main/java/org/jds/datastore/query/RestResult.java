package org.jds.datastore.query;

import java.util.List;
import org.jds.datastore.DatastoreException;

/**
 * What {@link Results#restPartial()} read: Go's {@code Rest()} pair {@code ([]Entry, error)}.
 *
 * @param entries every entry read before the stream ended or failed (immutable)
 * @param error the error that ended the stream, or null if it ended normally
 */
public record RestResult(List<Entry> entries, DatastoreException error) {
  public RestResult {
    entries = List.copyOf(entries);
  }

  /** True when the stream ended without an error. */
  public boolean ok() {
    return error == null;
  }

  /**
   * The entries, or the error.
   *
   * @throws DatastoreException the error that ended the stream
   */
  public List<Entry> entriesOrThrow() throws DatastoreException {
    if (error != null) {
      throw error;
    }
    return entries;
  }
}
