package org.jds.node.multiformats;

/**
 * A malformed or unsupported multiformat value: a varint, multibase string, multihash or CID that
 * does not decode, or a name or code that is not in the tables. Every parser in this package throws
 * only this checked exception for bad input, never an unchecked one.
 */
public class MultiformatException extends Exception {
  private static final long serialVersionUID = 1L;

  public MultiformatException(String message) {
    super(message);
  }

  public MultiformatException(String message, Throwable cause) {
    super(message, cause);
  }
}
