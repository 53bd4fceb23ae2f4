package org.jds.blobfs;

/** Out of clusters or metadata pages (SPDK's ENOSPC / ENOMEM for md pages). */
public class NoSpaceException extends BlobfsException {
  private static final long serialVersionUID = 1L;

  public NoSpaceException(String message) {
    super(message);
  }
}
