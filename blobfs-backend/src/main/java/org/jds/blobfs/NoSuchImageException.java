package org.jds.blobfs;

/**
 * The image file or block device itself does not exist: a missing argument rather than a missing
 * name inside an image, so tools report it as bad input.
 */
public final class NoSuchImageException extends BlobfsNotFoundException {
  private static final long serialVersionUID = 1L;

  public NoSuchImageException(String path) {
    super("no such image or device: " + path);
  }
}
