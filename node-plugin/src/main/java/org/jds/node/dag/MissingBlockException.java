package org.jds.node.dag;

import org.jds.datastore.DatastoreException;
import org.jds.node.multiformats.Cid;

/** A block of a DAG is not in the blockstore; the message is kubo's ("ipld: could not find CID"). */
public class MissingBlockException extends DatastoreException {
  private static final long serialVersionUID = 1L;
  private final transient Cid cid;

  public MissingBlockException(Cid cid) {
    super("ipld: could not find " + cid);
    this.cid = cid;
  }

  public Cid cid() {
    return cid;
  }

  @Override
  public boolean isNotFound() {
    return true;
  }
}
