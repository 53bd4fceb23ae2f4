/**
 * blobfs-backend: a pure-Java engine for the SPDK v25.05 blobstore and blobfs on-disk formats.
 *
 * <p>Layers: {@link org.jds.blobfs.device} (files and raw block devices), {@link
 * org.jds.blobfs.blobstore} (super block, masks, md pages, descriptors, recovery, blobs), {@link
 * org.jds.blobfs.fs} (blobfs files: the {@code BlobFileSystem}/{@code BlobFile} API mirroring
 * blobfs.h) and {@link org.jds.blobfs.tools} (fsck and dump). Every error is a checked {@link
 * org.jds.blobfs.BlobfsException}.
 */
package org.jds.blobfs;
