package org.jds.flatfs.storage;

/** Builds the relative paths {@link Storage} takes. */
public final class StoragePaths {
  private StoragePaths() {}

  /**
   * Joins elements with {@code '/'}, dropping empty ones (Go's {@code filepath.Join} does the same,
   * which is why a shard function that returns {@code ""} puts files in the root).
   */
  /** {@link #join(String...)} for two parts, without the varargs array and builder. */
  public static String join(String a, String b) {
    return a.isEmpty() ? b : b.isEmpty() ? a : a + "/" + b;
  }

  public static String join(String... parts) {
    StringBuilder sb = new StringBuilder();
    for (String p : parts) {
      if (p.isEmpty()) {
        continue;
      }
      if (sb.length() > 0) {
        sb.append('/');
      }
      sb.append(p);
    }
    return sb.toString();
  }

  /** The last element of {@code path}. */
  public static String name(String path) {
    return path.substring(path.lastIndexOf('/') + 1);
  }

  /** Everything before the last element; {@code ""} for a top-level path. */
  public static String parent(String path) {
    int i = path.lastIndexOf('/');
    return i < 0 ? "" : path.substring(0, i);
  }
}
