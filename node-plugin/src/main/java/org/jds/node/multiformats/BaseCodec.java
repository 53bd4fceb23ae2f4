package org.jds.node.multiformats;

/** One base encoding without its multibase prefix. Implementations are immutable. */
interface BaseCodec {
  String encode(byte[] data);

  byte[] decode(String text) throws MultiformatException;
}
