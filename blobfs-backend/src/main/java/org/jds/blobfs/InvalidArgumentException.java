package org.jds.blobfs;

/** A call that SPDK answers with EINVAL or EBADF: bad offset, closed handle, bad option. */
public class InvalidArgumentException extends BlobfsException {
  private static final long serialVersionUID = 1L;

  public InvalidArgumentException(String message) {
    super(message);
  }
}
