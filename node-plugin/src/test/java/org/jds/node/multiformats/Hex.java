package org.jds.node.multiformats;

import java.util.HexFormat;

/** Test helper: hex strings with spaces allowed. */
final class Hex {
  private Hex() {}

  static byte[] bytes(String hex) {
    return HexFormat.of().parseHex(hex.replace(" ", ""));
  }

  static String hex(byte[] b) {
    return HexFormat.of().formatHex(b);
  }
}
