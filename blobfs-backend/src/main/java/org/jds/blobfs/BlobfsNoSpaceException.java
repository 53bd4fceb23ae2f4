package org.jds.blobfs;

/**
 * Out of clusters or metadata pages (SPDK's ENOSPC / ENOMEM for md pages), or the host file system
 * under an image file is full. Callers tell it by type, never by message.
 */
public class BlobfsNoSpaceException extends BlobfsException {
  private static final long serialVersionUID = 1L;

  public BlobfsNoSpaceException(String message) {
    super(message);
  }

  public BlobfsNoSpaceException(String message, Throwable cause) {
    super(message, cause);
  }
}
