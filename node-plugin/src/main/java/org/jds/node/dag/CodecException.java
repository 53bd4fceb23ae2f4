package org.jds.node.dag;

/**
 * A block that does not decode in its codec (dag-cbor, dag-pb), or a codec whose links this node
 * cannot read. The message names the byte offset inside the block where decoding failed, if any.
 */
public class CodecException extends Exception {
  private static final long serialVersionUID = 1L;
  private final long offset;

  public CodecException(String message, long offset) {
    super(offset >= 0 ? message + " (at byte " + offset + ")" : message);
    this.offset = offset;
  }

  public CodecException(String message) {
    this(message, -1);
  }

  /** The byte offset within the block where decoding failed, or -1. */
  public long offset() {
    return offset;
  }
}
