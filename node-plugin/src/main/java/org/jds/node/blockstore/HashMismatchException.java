package org.jds.node.blockstore;

import org.jds.datastore.DatastoreException;
import org.jds.node.multiformats.Cid;

/**
 * A block's bytes do not hash to its CID: refused at put, or found in storage by the hash-on-read
 * check (the stored block is corrupt; it is left in place and reported, never returned).
 */
public class HashMismatchException extends DatastoreException {
  private static final long serialVersionUID = 1L;
  private final transient Cid cid;

  public HashMismatchException(Cid cid, String message) {
    super(message);
    this.cid = cid;
  }

  /** The CID whose bytes did not match. */
  public Cid cid() {
    return cid;
  }
}
