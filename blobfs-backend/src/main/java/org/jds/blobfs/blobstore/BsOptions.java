package org.jds.blobfs.blobstore;

/** Options of {@link Blobstore#init}, mirroring the parts of {@code spdk_bs_opts} that shape the disk. */
public final class BsOptions {
  /** SPDK_BLOB_OPTS_CLUSTER_SZ. */
  public static final int DEFAULT_CLUSTER_SIZE = 1 << 20;
  /** Device clear methods (spdk_bs_opts.clear_method). */
  public static final int CLEAR_UNMAP = 0;
  public static final int CLEAR_WRITE_ZEROES = 1;
  public static final int CLEAR_NONE = 2;

  public int clusterSize = DEFAULT_CLUSTER_SIZE;
  /** Number of md pages; -1 = one per cluster (SPDK's UINT32_MAX default). */
  public long numMdPages = -1;
  /** Up to 15 bytes; empty = untyped. */
  public String bstype = "";
  public int clearMethod = CLEAR_UNMAP;
  /**
   * Largest size in bytes the store may later grow to ({@link Grow}): the cluster mask's room is
   * reserved for it. 0 = SPDK's reservation, {@code max(mask_pages(md pages), mask_pages(clusters))},
   * which keeps the layout byte-identical to SPDK's and caps growth near the initial size when
   * clusters outnumber md pages.
   */
  public long maxSize;

  public BsOptions clusterSize(int v) {
    clusterSize = v;
    return this;
  }

  public BsOptions numMdPages(long v) {
    numMdPages = v;
    return this;
  }

  public BsOptions maxSize(long v) {
    maxSize = v;
    return this;
  }

  public BsOptions bstype(String v) {
    bstype = v;
    return this;
  }
}
