package org.jds.node.blockstore;

import org.jds.node.multiformats.Cid;

/**
 * A block: its CID and its bytes. The array is not copied; callers must not change it after handing
 * it over.
 */
public record Block(Cid cid, byte[] data) {
  /**
   * Kubo's {@code SoftBlockLimit}, 2 MiB: the largest block peers exchange. {@code block put} (CLI
   * and RPC) refuses a larger one unless {@code --allow-big-block} is given.
   */
  public static final int SOFT_LIMIT = 2 * 1024 * 1024;

  /** Kubo's error text for a put over {@link #SOFT_LIMIT}. */
  public static final String OVER_SOFT_LIMIT = "produced block is over 2MiB: big blocks can't be exchanged with other"
      + " peers. consider using UnixFS for automatic chunking of bigger files, or pass --allow-big-block to override";
}
