package org.jds.blobfs.datastore;

/**
 * Cluster size and metadata budget of a blobfs image meant to hold a flatfs datastore.
 *
 * <p>Every file is one blob: a root md page plus an extent page (thick, extent table) and at least
 * one cluster. So md pages are budgeted per expected file, not per cluster as in SPDK's default,
 * which with small clusters would spend as much space on md pages as on data.
 *
 * @param clusterSize bytes per cluster, a multiple of 4096
 * @param bytesPerMdPair image bytes per expected file: {@code mdPages = 2 * size / bytesPerMdPair}
 */
public record Geometry(int clusterSize, long bytesPerMdPair) {
  /**
   * Chosen by measurement on IPFS block sizes (README, "Geometry"): 4 KiB clusters waste at most
   * 4 KiB per block, against up to 1 MiB at SPDK's default; one file per 16 KiB of image covers a
   * store of nothing but small dag-pb nodes with md to spare.
   */
  public static final Geometry DEFAULT = new Geometry(4096, 16 * 1024);

  /** SPDK blobfs's own default: 1 MiB clusters, one md page per cluster. */
  public static final Geometry SPDK = new Geometry(1 << 20, 0);

  long mdPagesFor(long imageSize) {
    return bytesPerMdPair <= 0 ? -1 : Math.max(64, 2 * (imageSize / bytesPerMdPair));
  }
}
