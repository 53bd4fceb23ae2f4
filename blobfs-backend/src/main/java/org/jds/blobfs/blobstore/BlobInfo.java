package org.jds.blobfs.blobstore;

import java.util.LinkedHashMap;
import java.util.Map;

/** An immutable copy of one blob's metadata, for fsck, dump and tests. */
public final class BlobInfo {
  public final long id;
  public final long invalidFlags;
  public final long dataRoFlags;
  public final long mdRoFlags;
  public final boolean thin;
  public final boolean readOnly;
  public final boolean extentTable;
  public final long parentId;
  /** Device cluster per blob cluster (0 = unallocated). */
  public final int[] clusters;
  public final int[] extentPages;
  /** md chain pages, root first. */
  public final int[] chainPages;
  public final Map<String, byte[]> xattrs;
  public final Map<String, byte[]> internalXattrs;

  BlobInfo(BlobMeta m) {
    id = m.id;
    invalidFlags = m.invalidFlags;
    dataRoFlags = m.dataRoFlags;
    mdRoFlags = m.mdRoFlags;
    thin = m.thin();
    readOnly = m.dataRo;
    extentTable = m.useExtentTable;
    parentId = m.parentId;
    clusters = m.clusters.clone();
    extentPages = m.extentPages.clone();
    chainPages = m.pages.clone();
    xattrs = copy(m.xattrs);
    internalXattrs = copy(m.internalXattrs);
  }

  private static Map<String, byte[]> copy(Map<String, byte[]> in) {
    Map<String, byte[]> out = new LinkedHashMap<>();
    in.forEach((k, v) -> out.put(k, v.clone()));
    return out;
  }

  public int numClusters() {
    return clusters.length;
  }

  public int numAllocatedClusters() {
    int n = 0;
    for (int c : clusters) if (c != 0) n++;
    return n;
  }
}
