package org.jds.blobfs.blobstore;

/**
 * Told how far a {@link Blobstore#load} has read the md region, for progress displays (fsck of a
 * large image). Called on the loading thread, once per md page or blob; an implementation does
 * little (a counter check) and throws nothing.
 */
@FunctionalInterface
public interface LoadListener {
  /** Tells nothing. */
  LoadListener NONE = (done, total) -> {};

  /**
   * @param done md pages this load has gone through so far
   * @param total md pages it goes through in all: md_len, or twice that when the load first runs
   *     recovery (a scan of the whole region) and then reads the blobs
   */
  void mdPages(long done, long total);
}
