/**
 * blobfs: {@link org.jds.blobfs.fs.BlobFileSystem} and {@link org.jds.blobfs.fs.BlobFile} mirror
 * the synchronous spdk_fs_* and spdk_file_* functions; {@link
 * org.jds.blobfs.fs.PureBlobFileSystem} implements them in Java.
 */
package org.jds.blobfs.fs;
