package org.jds.blobfs;

/** A name or blob id does not exist (ENOENT). Cheap: thrown on normal lookups, so no stack trace. */
public class BlobfsNotFoundException extends BlobfsException {
  private static final long serialVersionUID = 1L;

  public BlobfsNotFoundException(String message) {
    super(message);
  }

  @Override
  public synchronized Throwable fillInStackTrace() {
    return this;
  }
}
