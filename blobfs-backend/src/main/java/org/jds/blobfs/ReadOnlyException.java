package org.jds.blobfs;

/** A write to a read-only store, a data_ro/md_ro blob, or a read-only device (EPERM). */
public class ReadOnlyException extends BlobfsException {
  private static final long serialVersionUID = 1L;

  public ReadOnlyException(String message) {
    super(message);
  }
}
