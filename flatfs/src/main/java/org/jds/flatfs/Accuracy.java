package org.jds.flatfs;

/** Values of the {@code accuracy} field of {@code diskUsage.cache}, and Go's merge of them. */
public final class Accuracy {
  private Accuracy() {}

  public static final String UNKNOWN = "unknown";
  public static final String EXACT = "initial-exact";
  public static final String APPROXIMATE = "initial-approximate";
  public static final String TIMED_OUT = "initial-timed-out";

  /** Go's {@code combineAccuracy}: unknown beats timed-out beats approximate beats exact; "" is neutral. */
  static String combine(String a, String b) {
    if (a.equals(UNKNOWN) || b.equals(UNKNOWN)) {
      return UNKNOWN;
    }
    if (a.equals(TIMED_OUT) || b.equals(TIMED_OUT)) {
      return TIMED_OUT;
    }
    if (a.equals(APPROXIMATE) || b.equals(APPROXIMATE)) {
      return APPROXIMATE;
    }
    if (a.equals(EXACT) && b.equals(EXACT)) {
      return EXACT;
    }
    if (a.isEmpty()) {
      return b;
    }
    if (b.isEmpty()) {
      return a;
    }
    return UNKNOWN;
  }
}
