package org.jds.flatfs.storage;

import org.jds.datastore.GoPath;

/**
 * Builds and checks the relative paths {@link Storage} takes: {@code ""} is the root, anything else
 * is elements joined by {@code '/'}, none of them empty, {@code .} or {@code ..}.
 */
public final class StoragePaths {
  private StoragePaths() {}

  /** Whether {@code path} is a storage path (see the class comment); {@code ""} is. */
  public static boolean isValid(String path) {
    return path.isEmpty() || (path.charAt(0) != '/' && GoPath.isClean(path));
  }

  /**
   * Checks {@code path} before a storage operation.
   *
   * @throws StorageException ("invalid storage path") unless {@link #isValid}
   */
  public static void check(String op, String path) throws StorageException {
    if (!isValid(path)) {
      throw new StorageException(op, path, "invalid storage path", null);
    }
  }

  /** {@link #join(String...)} for two parts, without the varargs array and builder. */
  public static String join(String a, String b) {
    return a.isEmpty() ? b : b.isEmpty() ? a : a + "/" + b;
  }

  /**
   * Joins elements with {@code '/'}, dropping empty ones (Go's {@code filepath.Join} does the same,
   * which is why a shard function that returns {@code ""} puts files in the root).
   */
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
