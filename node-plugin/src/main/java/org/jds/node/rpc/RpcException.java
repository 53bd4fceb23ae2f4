package org.jds.node.rpc;

/**
 * A command's failure as kubo reports it (go-ipfs-cmds): before output starts, HTTP 500 with
 * {@code {"Message","Code":0,"Type":"error"}}, or 400 for a client error (code 1); a missing argument
 * is kubo's plain-text 400 ({@code argument "cid" is required}).
 */
public final class RpcException extends Exception {
  private static final long serialVersionUID = 1L;
  /** go-ipfs-cmds {@code ErrNormal}. */
  public static final int CODE_NORMAL = 0;
  /** go-ipfs-cmds {@code ErrClient}, the only code that maps to HTTP 400. */
  public static final int CODE_CLIENT = 1;

  private final int code;
  private final boolean plainText;

  private RpcException(String message, int code, boolean plainText) {
    super(message);
    this.code = code;
    this.plainText = plainText;
  }

  /** An error kubo returns with code 0 and HTTP 500. */
  public RpcException(String message) {
    this(message, CODE_NORMAL, false);
  }

  /** A usage error: code 1, HTTP 400, JSON body. */
  public static RpcException client(String message) {
    return new RpcException(message, CODE_CLIENT, false);
  }

  /** A required argument is missing: plain-text 400, as go-ipfs-cmds answers before running a command. */
  public static RpcException missingArgument(String name) {
    return new RpcException("argument \"" + name + "\" is required", CODE_CLIENT, true);
  }

  public int code() {
    return code;
  }

  /** The HTTP status: 400 for client errors, else 500. */
  public int httpStatus() {
    return code == CODE_CLIENT ? 400 : 500;
  }

  /** Whether the body is go-ipfs-cmds' plain text rather than a JSON error. */
  public boolean plainText() {
    return plainText;
  }
}
