package org.jds.node.gateway;

/**
 * One HTTP byte range ({@code bytes=a-b}, {@code bytes=a-}, {@code bytes=-n}) resolved against a
 * length. Several ranges, or another unit, are ignored (the whole body is sent, as RFC 9110 allows).
 */
record ByteRange(long first, long last) {
  /** Marks a range that cannot be satisfied (416). */
  static final ByteRange UNSATISFIABLE = new ByteRange(-1, -1);

  /** The range, {@link #UNSATISFIABLE}, or null to send everything. */
  static ByteRange parse(String header, long length) {
    if (header == null || !header.startsWith("bytes=") || header.contains(",")) return null;
    String spec = header.substring("bytes=".length()).trim();
    int dash = spec.indexOf('-');
    if (dash < 0) return null;
    try {
      String a = spec.substring(0, dash).trim();
      String b = spec.substring(dash + 1).trim();
      if (a.isEmpty()) {
        long n = Long.parseLong(b);
        if (n <= 0 || length == 0) return UNSATISFIABLE;
        return new ByteRange(Math.max(0, length - n), length - 1);
      }
      long first = Long.parseLong(a);
      long last = b.isEmpty() ? length - 1 : Math.min(Long.parseLong(b), length - 1);
      if (first >= length || first > last) return UNSATISFIABLE;
      return new ByteRange(first, last);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  long length() {
    return last - first + 1;
  }
}
