package org.jds.blobfs;

/** Create of a name that is already in the namespace (EEXIST), including delete-pending files. */
public class AlreadyExistsException extends BlobfsException {
  private static final long serialVersionUID = 1L;

  public AlreadyExistsException(String message) {
    super(message);
  }
}
