package org.jds.blobfs;

/**
 * Every metadata page is in use (SPDK's ENOMEM for md pages) while clusters may still be free: the
 * number of files an image can hold is fixed when it is formatted. The message says so and names
 * the mkfs option that reserves more.
 */
public final class MetadataFullException extends BlobfsNoSpaceException {
  private static final long serialVersionUID = 1L;

  public MetadataFullException(String message) {
    super(message);
  }
}
