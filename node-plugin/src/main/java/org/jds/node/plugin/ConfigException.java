package org.jds.node.plugin;

import org.jds.datastore.DatastoreException;

/** A {@code Datastore.Spec} (or other config field) that cannot be used; the message says which field and why. */
public class ConfigException extends DatastoreException {
  private static final long serialVersionUID = 1L;

  public ConfigException(String message) {
    super(message);
  }

  public ConfigException(String message, Throwable cause) {
    super(message, cause);
  }
}
