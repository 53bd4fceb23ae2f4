package org.jds.blobfs.blobstore;

/**
 * Blob id and md page index, SPDK's {@code bs_page_to_blobid} and {@code bs_blobid_to_page}: the
 * blob whose root is md page {@code p} has id {@code 1 << 32 | p}.
 */
final class BlobIds {
  /** The high half every blob id carries. */
  static final long ID_TAG = 1L << 32;

  private BlobIds() {}

  /** bs_page_to_blobid. */
  static long pageToBlobId(int page) {
    return ID_TAG | (page & 0xffffffffL);
  }

  /** bs_blobid_to_page: the low 32 bits. */
  static int blobIdToPage(long id) {
    return (int) (id & 0xffffffffL);
  }

  /** Whether {@code id} carries the tag (else it names no md page). */
  static boolean isTagged(long id) {
    return (id >>> 32) == (ID_TAG >>> 32);
  }
}
