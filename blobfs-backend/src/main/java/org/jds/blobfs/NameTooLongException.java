package org.jds.blobfs;

/** A file name of 256 bytes or more (SPDK's ENAMETOOLONG; SPDK_FILE_NAME_MAX is 255). */
public class NameTooLongException extends BlobfsException {
  private static final long serialVersionUID = 1L;

  public NameTooLongException(String message) {
    super(message);
  }
}
