package org.jds.blobfs.blobstore;

import java.util.BitSet;

/** Bit sets as short text for messages: {@code "3, 7-9, 12"}, at most 20 runs, then "...". */
public final class BitRanges {
  private static final int MAX_RUNS = 20;

  private BitRanges() {}

  public static String of(BitSet s) {
    StringBuilder sb = new StringBuilder();
    int shown = 0;
    for (int i = s.nextSetBit(0); i >= 0; ) {
      int j = s.nextClearBit(i) - 1;
      if (shown++ == MAX_RUNS) {
        sb.append(", ...");
        break;
      }
      if (sb.length() > 0) sb.append(", ");
      sb.append(i == j ? Integer.toString(i) : i + "-" + j);
      i = s.nextSetBit(j + 1);
    }
    return sb.toString();
  }
}
