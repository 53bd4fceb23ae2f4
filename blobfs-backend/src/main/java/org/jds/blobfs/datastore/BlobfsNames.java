package org.jds.blobfs.datastore;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.jds.blobfs.fs.BlobFileSystem;
import org.jds.flatfs.Layout;
import org.jds.flatfs.ShardId;
import org.jds.flatfs.storage.StoragePaths;

/**
 * The one mapping between flatfs storage paths and blobfs file names. blobfs is flat, so the
 * directory tree flatfs sees is folded into names:
 *
 * <ul>
 *   <li><b>Key files are flat.</b> In a datastore directory {@code R} (one whose {@code SHARDING}
 *       parses to shard function {@code f}), the value file {@code R/f(K)/K.data} is stored as
 *       {@code /K.data} when {@code R} is the storage root, {@code /R/K.data} otherwise. The shard
 *       directory is implied by {@code f}, so SPDK's own blobfs FUSE tools, which store {@code "/" +
 *       file name}, see {@code /K.data}, and an export rebuilds {@code f(K)/K.data}.
 *   <li><b>Everything else is literal:</b> {@code "/" + path}, e.g. {@code /SHARDING}, {@code
 *       /_README}, {@code /diskUsage.cache}, temp files {@code /.temp/temp-123}, batch staging
 *       {@code /.temp/batch-1-2/K.data}, stray files such as {@code /AB/foo.data} whose name does
 *       not shard to their directory.
 *   <li><b>Escape:</b> a {@code .data} file lying directly in {@code R} that its shard function
 *       would place in a subdirectory is stored as {@code "/" + R + "//" + name} (a name with an
 *       empty element, which no storage path produces), so it cannot collide with a key file.
 *   <li><b>Directories</b> are persisted as empty marker files named {@code "/" + path + "/"}, except
 *       the shard directories of a datastore, which are virtual: they exist while a key maps into
 *       them (or, until the storage closes, after a mkdir).
 * </ul>
 *
 * <p>A file below a {@code .temp} directory whose name would exceed blobfs's 255 bytes is stored
 * under a hash (see {@link #shortTempName}). Keys themselves are limited to 249 characters at the
 * image root ({@code "/" + KEY + ".data"} within 255 bytes); longer keys fail with ENAMETOOLONG.
 *
 * <p>Names that no path produces (no leading '/', empty or '.'/'..' elements) are foreign and
 * ignored; the storage reports them. The mapping depends on the shard functions of the datastore
 * directories, so {@link BlobfsStorage} remaps the files of a directory whenever its SHARDING
 * changes (only conversions do that).
 */
final class BlobfsNames {
  /** The shard function of a datastore directory, or null if {@code dir} has no valid SHARDING. */
  @FunctionalInterface
  interface Shards {
    ShardId of(String dir);
  }

  /** What a blobfs name stands for. */
  record Parsed(String path, boolean directory) {}

  private BlobfsNames() {}

  /** The blobfs name of the file at {@code path}. */
  static String fileName(String path, Shards shards) {
    String name = mappedName(path, shards);
    return name.getBytes(StandardCharsets.UTF_8).length > BlobFileSystem.FILE_NAME_MAX ? shortTempName(path, name) : name;
  }

  /**
   * Batch staging files ({@code .temp/batch-<nanos>-<rand>/K.data}) add 52 bytes to a key's name.
   * Whatever lies in a {@code .temp} directory is wiped at every open, so when such a name is too
   * long for blobfs it is stored under a hash instead; the index maps the path within a session,
   * and after a restart it is just a stray temp file that the open removes.
   */
  private static String shortTempName(String path, String name) {
    int t = ("/" + path).indexOf("/" + Layout.TEMP_DIR + "/");
    if (t < 0) {
      return name;
    }
    String base = path.substring(0, t + Layout.TEMP_DIR.length());
    try {
      byte[] h = MessageDigest.getInstance("SHA-256").digest(path.getBytes(StandardCharsets.UTF_8));
      return "/" + base + "/~" + HexFormat.of().formatHex(h, 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is a required JDK algorithm", e);
    }
  }

  private static String mappedName(String path, Shards shards) {
    String dir = StoragePaths.parent(path);
    String base = StoragePaths.name(path);
    String key = keyOf(base);
    if (key == null) {
      return "/" + path;
    }
    ShardId own = shards.of(dir);
    if (own != null) {
      // Lies directly in a datastore directory: a key file only if its shard is "" (Go's Join).
      return own.apply(key).isEmpty() ? "/" + path : "/" + (dir.isEmpty() ? "" : dir + "/") + "/" + base;
    }
    if (!dir.isEmpty()) {
      String root = StoragePaths.parent(dir);
      ShardId f = shards.of(root);
      if (f != null && f.apply(key).equals(StoragePaths.name(dir))) {
        return "/" + StoragePaths.join(root, base);
      }
    }
    return "/" + path;
  }

  /** The blobfs name of the marker of directory {@code path} (never the root). */
  static String dirName(String path) {
    return "/" + path + "/";
  }

  /** Whether {@code dir} is a shard directory of a datastore, i.e. virtual. */
  static boolean isVirtualDir(String dir, Shards shards) {
    String name = StoragePaths.name(dir);
    return !dir.isEmpty() && name.charAt(0) != Layout.HIDDEN_MARK && shards.of(StoragePaths.parent(dir)) != null;
  }

  /** What {@code name} stands for, or null for a foreign name. */
  static Parsed parse(String name, Shards shards) {
    if (name.length() < 2 || name.charAt(0) != '/') {
      return null;
    }
    String rest = name.substring(1);
    boolean directory = rest.endsWith("/");
    if (directory) {
      String p = rest.substring(0, rest.length() - 1);
      return valid(p) ? new Parsed(p, true) : null;
    }
    int esc = rest.indexOf("//");
    if (rest.startsWith("/") || esc >= 0) {
      String p = rest.startsWith("/") ? rest.substring(1) : rest.substring(0, esc) + rest.substring(esc + 1);
      return valid(p) ? new Parsed(p, false) : null;
    }
    if (!valid(rest)) {
      return null;
    }
    String dir = StoragePaths.parent(rest);
    String base = StoragePaths.name(rest);
    String key = keyOf(base);
    ShardId f = key == null ? null : shards.of(dir);
    if (f != null) {
      return new Parsed(StoragePaths.join(dir, f.apply(key), base), false);
    }
    return new Parsed(rest, false);
  }

  /** The key part of a {@code K.data} name, or null. */
  private static String keyOf(String base) {
    return base.endsWith(Layout.EXTENSION) && base.length() > Layout.EXTENSION.length()
        ? base.substring(0, base.length() - Layout.EXTENSION.length())
        : null;
  }

  /** A storage path other than the root. */
  private static boolean valid(String path) {
    return !path.isEmpty() && StoragePaths.isValid(path);
  }
}
