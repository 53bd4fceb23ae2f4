package org.jds.blobfs.blobstore;

import java.util.LinkedHashMap;

/** Options of {@link Blobstore#createBlob}, mirroring {@code spdk_blob_opts}. */
public final class BlobOptions {
  /** Per-blob clear methods stored in md_ro_flags bits 0-1. */
  public static final int CLEAR_DEFAULT = 0;
  public static final int CLEAR_NONE = 1;
  public static final int CLEAR_UNMAP = 2;
  public static final int CLEAR_WRITE_ZEROES = 3;

  public long numClusters;
  public boolean thin;
  /** SPDK's default is true (EXTENT_TABLE + extent pages); false gives EXTENT_RLE. */
  public boolean useExtentTable = true;
  public int clearMethod = CLEAR_DEFAULT;
  /** Create-time user xattrs, in order; values must be non-empty (SPDK rejects empty ones here). */
  public final LinkedHashMap<String, byte[]> xattrs = new LinkedHashMap<>();

  public BlobOptions numClusters(long n) {
    numClusters = n;
    return this;
  }

  public BlobOptions thin(boolean t) {
    thin = t;
    return this;
  }

  public BlobOptions useExtentTable(boolean b) {
    useExtentTable = b;
    return this;
  }

  public BlobOptions xattr(String name, byte[] value) {
    xattrs.put(name, value);
    return this;
  }
}
