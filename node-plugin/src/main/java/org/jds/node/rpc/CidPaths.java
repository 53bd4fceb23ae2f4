package org.jds.node.rpc;

import org.jds.node.multiformats.Cid;
import org.jds.node.multiformats.MultiformatException;

/** Kubo's {@code PathOrCidPath} for a block argument: a CID, {@code /ipfs/CID} or {@code ipfs://CID}. */
final class CidPaths {
  private static final String IPFS = "/ipfs/";
  private static final String IPFS_URI = "ipfs://";

  private CidPaths() {}

  /** The CID; kubo's error texts for anything else (HTTP 500, as kubo answers). */
  static Cid parse(String arg) throws RpcException {
    String s = arg.startsWith(IPFS_URI) ? IPFS + arg.substring(IPFS_URI.length()) : arg;
    if (s.startsWith(IPFS)) {
      String c = s.substring(IPFS.length());
      if (c.endsWith("/")) c = c.substring(0, c.length() - 1);
      if (c.contains("/")) throw new RpcException("invalid path \"" + arg + "\": paths below a CID are not supported");
      try {
        return Cid.parse(c);
      } catch (MultiformatException e) {
        throw new RpcException("invalid path \"" + arg + "\": invalid cid: " + e.getMessage());
      }
    }
    try {
      return Cid.parse(s);
    } catch (MultiformatException e) {
      throw new RpcException("invalid path \"" + arg + "\": path does not have enough components");
    }
  }

  /** Kubo's offline not-found text. */
  static String notFound(Cid cid) {
    return "block was not found locally (offline): ipld: could not find " + cid;
  }
}
