/**
 * The SPDK blobstore format. On-disk codecs: {@code SuperBlock}, {@code BitMask}, {@code MdPage},
 * {@code Descriptors}; reading: {@code BlobParser}, {@code Recovery}; writing: {@code
 * BlobSerializer}; the engine: {@link org.jds.blobfs.blobstore.Blobstore} and {@link
 * org.jds.blobfs.blobstore.Blob}.
 */
package org.jds.blobfs.blobstore;
