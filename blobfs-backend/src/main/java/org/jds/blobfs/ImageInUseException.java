package org.jds.blobfs;

/**
 * The image (or block device) is locked by another open: a writer needs it alone, a reader shares
 * it with readers only. The message names the image and, where the platform tells, the holder.
 */
public final class ImageInUseException extends BusyException {
  private static final long serialVersionUID = 1L;

  private final String reason;

  public ImageInUseException(String image, String reason) {
    super(image + ": " + reason);
    this.reason = reason;
  }

  /** The message without the image name. */
  public String reason() {
    return reason;
  }
}
