package org.jds.node.daemon;

/** The daemon could not start its servers (a port in use, a bad address) or stop them cleanly. */
public final class DaemonException extends Exception {
  private static final long serialVersionUID = 1L;

  public DaemonException(String message, Throwable cause) {
    super(message, cause);
  }
}
