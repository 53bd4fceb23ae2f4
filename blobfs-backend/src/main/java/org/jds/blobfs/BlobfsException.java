package org.jds.blobfs;

import java.io.IOException;

/**
 * Root of every checked error this engine raises. Bad images and I/O trouble always surface as a
 * subclass of this (never as an unchecked exception), so callers can catch one type.
 *
 * <p>Hierarchy: {@link CorruptMetadataException} (bad crc/signature/version/bstype/size/descriptor,
 * names the structure and byte offset), {@link BlobfsNoSpaceException} (ENOSPC/ENOMEM),
 * {@link BlobfsNotFoundException} (ENOENT, no stack trace), {@link AlreadyExistsException} (EEXIST),
 * {@link NameTooLongException} (ENAMETOOLONG), {@link InvalidArgumentException} (EINVAL/EBADF),
 * {@link ReadOnlyException} (EPERM or a read-only store), {@link BusyException} (EBUSY).
 */
public class BlobfsException extends IOException {
  private static final long serialVersionUID = 1L;

  public BlobfsException(String message) {
    super(message);
  }

  public BlobfsException(String message, Throwable cause) {
    super(message, cause);
  }
}
