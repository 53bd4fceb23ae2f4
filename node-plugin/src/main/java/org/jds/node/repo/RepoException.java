package org.jds.node.repo;

import org.jds.datastore.DatastoreException;

/** The repo cannot be opened or initialised as asked (not initialised, spec mismatch, wrong version, ...). */
public class RepoException extends DatastoreException {
  private static final long serialVersionUID = 1L;

  public RepoException(String message) {
    super(message);
  }

  public RepoException(String message, Throwable cause) {
    super(message, cause);
  }
}
