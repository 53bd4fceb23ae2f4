package org.jds.node.car;

/** A CAR file that is corrupt, truncated or not a CAR; the message names the byte offset in the file. */
public class CarException extends Exception {
  private static final long serialVersionUID = 1L;
  private final long offset;

  public CarException(String message, long offset) {
    super(message + " (at byte offset " + offset + ")");
    this.offset = offset;
  }

  public CarException(String message, long offset, Throwable cause) {
    this(message, offset);
    initCause(cause);
  }

  /** The byte offset in the file where the problem was found. */
  public long offset() {
    return offset;
  }
}
