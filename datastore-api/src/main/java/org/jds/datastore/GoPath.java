package org.jds.datastore;

/** Go's {@code path.Clean}, needed for byte-identical key cleaning. */
public final class GoPath {
  private GoPath() {}

  /**
   * Lexically cleans a slash-separated path: merges repeated slashes, drops {@code .} elements,
   * resolves {@code ..} against the previous element (dropped at the root), and removes a trailing
   * slash except for the root. An empty path gives {@code "."}.
   */
  public static String clean(String path) {
    if (path.isEmpty()) {
      return ".";
    }
    if (isClean(path)) {
      return path; // the common case (keys read back from a store): no copy
    }
    return lexicalClean(path);
  }

  /** Go's algorithm proper, for a non-empty path. */
  static String lexicalClean(String path) {
    boolean rooted = path.charAt(0) == '/';
    int n = path.length();
    StringBuilder out = new StringBuilder(n);
    int r = 0;
    int dotdot = 0; // index in out where .. backtracking must stop
    if (rooted) {
      out.append('/');
      r = 1;
      dotdot = 1;
    }
    while (r < n) {
      if (path.charAt(r) == '/') {
        r++;
      } else if (path.charAt(r) == '.' && (r + 1 == n || path.charAt(r + 1) == '/')) {
        r++;
      } else if (path.charAt(r) == '.'
          && path.charAt(r + 1) == '.'
          && (r + 2 == n || path.charAt(r + 2) == '/')) {
        r += 2;
        if (out.length() > dotdot) {
          int w = out.length() - 1;
          while (w > dotdot && out.charAt(w) != '/') {
            w--;
          }
          out.setLength(w);
        } else if (!rooted) {
          if (out.length() > 0) {
            out.append('/');
          }
          out.append("..");
          dotdot = out.length();
        }
      } else {
        if ((rooted && out.length() != 1) || (!rooted && out.length() != 0)) {
          out.append('/');
        }
        while (r < n && path.charAt(r) != '/') {
          out.append(path.charAt(r));
          r++;
        }
      }
    }
    if (out.length() == 0) {
      return ".";
    }
    return out.toString();
  }

  /**
   * True if {@link #clean} returns {@code path} unchanged: no empty, {@code .} or {@code ..}
   * element and no trailing slash (except the root). {@code path} is non-empty.
   */
  public static boolean isClean(String path) {
    int n = path.length();
    if (n == 1 && path.charAt(0) == '/') {
      return true;
    }
    if (path.charAt(n - 1) == '/') {
      return false;
    }
    int elem = path.charAt(0) == '/' ? 1 : 0; // start of the current element
    while (true) {
      int slash = path.indexOf('/', elem);
      int len = (slash < 0 ? n : slash) - elem;
      if (len == 0
          || (len == 1 && path.charAt(elem) == '.')
          || (len == 2 && path.charAt(elem) == '.' && path.charAt(elem + 1) == '.')) {
        return false;
      }
      if (slash < 0) {
        return true;
      }
      elem = slash + 1;
    }
  }
}
