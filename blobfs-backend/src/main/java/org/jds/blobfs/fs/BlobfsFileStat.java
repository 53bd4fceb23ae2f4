package org.jds.blobfs.fs;

/** {@code struct spdk_file_stat}: the file's blob id and size = max(append position, length). */
public record BlobfsFileStat(long blobId, long size) {}
