package org.jds.node.cli;

/** A command-line argument that cannot be used; reported on one line with exit code 2. */
final class BadInputException extends Exception {
  private static final long serialVersionUID = 1L;

  BadInputException(String message) {
    super(message);
  }
}
