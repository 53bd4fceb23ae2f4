package org.jds.datastore;

/**
 * Go compares strings bytewise (UTF-8). Comparing code points gives the same order, which Java's
 * {@link String#compareTo} (UTF-16 units) does not for supplementary characters.
 */
public final class Bytewise {
  private Bytewise() {}

  /** Bytewise (UTF-8) order of two strings: -1, 0 or 1, like Go's {@code strings.Compare}. */
  public static int compare(String a, String b) {
    int n = Math.min(a.length(), b.length());
    for (int i = 0; i < n; i++) {
      char x = a.charAt(i);
      char y = b.charAt(i);
      if (x != y) {
        if (Character.isSurrogate(x) || Character.isSurrogate(y)) {
          return Integer.compare(a.codePointAt(i), b.codePointAt(i));
        }
        return x < y ? -1 : 1;
      }
    }
    return Integer.compare(a.length(), b.length());
  }

  /**
   * Unsigned lexicographic compare of byte arrays; null equals empty. Returns -1, 0 or 1 like Go's
   * {@code bytes.Compare}.
   */
  public static int compare(byte[] a, byte[] b) {
    return Integer.signum(java.util.Arrays.compareUnsigned(a == null ? EMPTY : a, b == null ? EMPTY : b));
  }

  private static final byte[] EMPTY = new byte[0];
}
