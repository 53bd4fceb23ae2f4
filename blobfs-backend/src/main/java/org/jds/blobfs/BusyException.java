package org.jds.blobfs;

/** The target is in use (EBUSY): delete of an open blob, unload with blobs open. */
public class BusyException extends BlobfsException {
  private static final long serialVersionUID = 1L;

  public BusyException(String message) {
    super(message);
  }
}
