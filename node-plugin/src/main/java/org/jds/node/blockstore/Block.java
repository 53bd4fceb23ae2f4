package org.jds.node.blockstore;

import org.jds.node.multiformats.Cid;

/**
 * A block: its CID and its bytes. The array is not copied; callers must not change it after handing
 * it over.
 */
public record Block(Cid cid, byte[] data) {}
