package org.jds.blobfs.blobstore;

import java.util.Arrays;
import java.util.LinkedHashMap;

/**
 * In-memory state of one blob, mirroring SPDK's {@code struct spdk_blob}: flags, ordered xattrs
 * (insertion order = on-disk order), the cluster map and, for extent-table blobs, the extent page
 * indices. Guarded by the owning {@link Blobstore}'s lock.
 */
final class BlobMeta {
  static final long FLAG_THIN = 0x1;
  static final long FLAG_INTERNAL_XATTR = 0x2;
  static final long FLAG_EXTENT_TABLE = 0x4;
  static final long FLAG_EXTERNAL_SNAPSHOT = 0x8;
  static final long INVALID_FLAGS_MASK = 0xF;
  static final long DATA_RO_READ_ONLY = 0x1;
  static final long DATA_RO_FLAGS_MASK = 0x1;
  static final long MD_RO_FLAGS_MASK = 0x3;
  static final String SNAPSHOT_XATTR = "SNAP";

  final long id;
  long invalidFlags;
  long dataRoFlags;
  long mdRoFlags;
  boolean dataRo;
  boolean mdRo;
  final LinkedHashMap<String, byte[]> xattrs = new LinkedHashMap<>();
  final LinkedHashMap<String, byte[]> internalXattrs = new LinkedHashMap<>();
  boolean useExtentTable;
  /** Device cluster per blob cluster; 0 = unallocated. Length = num_clusters. */
  int[] clusters = new int[0];
  /** md page of extent page k (0 = none); length = ceil(num_clusters / 512) for ET blobs. */
  int[] extentPages = new int[0];
  /** md pages of the chain as last persisted; [0] is the root. */
  int[] pages;
  /** What the disk holds, to find clusters and extent pages released by a shrink at persist. */
  int[] persistedClusters = new int[0];
  int[] persistedExtentPages = new int[0];
  /** Extent pages whose in-place rewrite is pending for the next persist. */
  final java.util.BitSet dirtyExtentPages = new java.util.BitSet();
  boolean dirty;
  int openCount;
  long parentId = SuperBlock.BLOBID_INVALID;

  BlobMeta(long id) {
    this.id = id;
    this.pages = new int[] {BlobIds.blobIdToPage(id)};
  }

  boolean thin() {
    return (invalidFlags & FLAG_THIN) != 0;
  }

  int rootPage() {
    return BlobIds.blobIdToPage(id);
  }

  int numClusters() {
    return clusters.length;
  }

  int numAllocated() {
    int n = 0;
    for (int c : clusters) if (c != 0) n++;
    return n;
  }

  void markPersisted() {
    persistedClusters = clusters.clone();
    persistedExtentPages = extentPages.clone();
    dirtyExtentPages.clear();
    dirty = false;
  }

  static int extentPagesFor(long numClusters) {
    return (int) ((numClusters + ExtentPageCodec.EXTENTS_PER_PAGE - 1) / ExtentPageCodec.EXTENTS_PER_PAGE);
  }

  @Override
  public String toString() {
    return String.format("blob 0x%x clusters=%d pages=%s", id, clusters.length, Arrays.toString(pages));
  }
}
