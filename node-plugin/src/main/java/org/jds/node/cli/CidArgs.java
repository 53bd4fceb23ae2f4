package org.jds.node.cli;

import org.jds.node.multiformats.Cid;
import org.jds.node.multiformats.MultiformatException;

/** CID arguments of the block/export commands. */
final class CidArgs {
  private CidArgs() {}

  /** Parses a CID, as bad input (exit 2) when malformed. */
  static Cid parse(String s) throws BadInputException {
    try {
      return Cid.parse(s);
    } catch (MultiformatException e) {
      throw new BadInputException("invalid CID '" + s + "': " + e.getMessage());
    }
  }

  /** Kubo's offline not-found text. */
  static String notFound(Cid cid) {
    return "block was not found locally (offline): ipld: could not find " + cid;
  }
}
