package org.jds.blobfs.datastore;

/**
 * Cluster size and metadata budget of a blobfs image meant to hold a flatfs datastore.
 *
 * <p>Every file is one blob of at least one cluster and one md page (its clusters inline as
 * EXTENT_RLE, see {@code PureBlobFileSystem.useExtentTables}). So md pages are budgeted per expected
 * file, not per cluster as in SPDK's default, which with small clusters would spend as much space
 * on md pages as on data.
 *
 * @param clusterSize bytes per cluster, a multiple of 4096
 * @param bytesPerFile image bytes per expected file: {@code mdPages = size / bytesPerFile}
 */
public record Geometry(int clusterSize, long bytesPerFile) {
  /**
   * Chosen by measurement on IPFS block mixes (README, "Geometry", GeometryBench): 4 KiB clusters
   * allocate the least for every mix (1.08 bytes per byte stored for a 70/25/5 repo mix against
   * 1.44 at 64 KiB and 8.9 at SPDK's 1 MiB) at no measurable cost in speed. One file per 16 KiB of
   * image reserves a quarter of the image for md, enough for stores whose average block is 16 KiB
   * or more (a repo mix averages 113 KiB); the reserve is sparse in the image file until used.
   */
  public static final Geometry DEFAULT = new Geometry(4096, 16 * 1024);

  /** SPDK blobfs's own default: 1 MiB clusters, one md page per cluster. */
  public static final Geometry SPDK = new Geometry(1 << 20, 0);

  /**
   * How far a datastore image can grow by default ({@code jds blobfs grow}): the cluster mask's
   * room for 4x the initial size costs 4 KiB per 128 MiB of 4 KiB clusters, so a 10 GiB image
   * reserves 1.3 MiB (sparse until grown) and can grow to 40 GiB.
   */
  public static final int DEFAULT_GROWTH = 4;

  /** The default largest size of an image of {@code imageSize} bytes, for {@code BsOptions.maxSize}. */
  public static long defaultMaxSize(long imageSize) {
    return imageSize > Long.MAX_VALUE / DEFAULT_GROWTH ? Long.MAX_VALUE : imageSize * DEFAULT_GROWTH;
  }

  /** md pages for an image of {@code imageSize} bytes (-1: SPDK's one per cluster). */
  public long mdPagesFor(long imageSize) {
    return bytesPerFile <= 0 ? -1 : Math.max(64, imageSize / bytesPerFile);
  }
}
