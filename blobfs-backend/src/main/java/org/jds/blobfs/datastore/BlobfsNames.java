package org.jds.blobfs.datastore;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.jds.blobfs.fs.BlobFileSystem;
import org.jds.flatfs.storage.KeySharding;
import org.jds.flatfs.storage.StoragePaths;

/**
 * The one mapping between flatfs storage paths and blobfs file names. blobfs is flat, and SPDK's
 * blobfs FUSE tools list a file as its name without the leading '/' (the Linux kernel rejects a
 * listed entry that contains '/'), so <b>every name is {@code "/"} plus a name without '/'</b>:
 *
 * <ul>
 *   <li><b>Key files are flat.</b> In a datastore directory {@code R} (one flatfs told the storage
 *       is sharded by {@code f}, {@link org.jds.flatfs.storage.ShardAware}), the value file {@code R/f(K)/K.data} is stored as
 *       {@code /K.data} when {@code R} is the storage root, under {@code R/K.data} (encoded as
 *       below) otherwise. The shard directory is implied by {@code f}, so SPDK's own blobfs FUSE
 *       tools, which store {@code "/" + file name}, see {@code /K.data}, and an export rebuilds
 *       {@code f(K)/K.data}.
 *   <li><b>Everything else is literal</b>, encoded: {@code /SHARDING}, {@code /_README}, {@code
 *       /diskUsage.cache}, temp files {@code /.temp%2Ftemp-123}, batch staging {@code
 *       /.temp%2Fbatch-1-2%2FK.data}, stray files such as {@code /AB%2Ffoo.data} whose name does
 *       not shard to their directory.
 *   <li><b>Escape:</b> a {@code .data} file lying directly in {@code R} that its shard function
 *       would place in a subdirectory is stored under {@code R + "//" + name} (a path with an empty
 *       element, which no storage path produces), so it cannot collide with a key file:
 *       {@code /%2FROOT.data} at the root.
 *   <li><b>Directories</b> are persisted as empty marker files named {@code path + "/"} (encoded:
 *       {@code /.temp%2F}), except the shard directories of a datastore, which are virtual: they
 *       exist while a key maps into them (or, until the storage closes, after a mkdir).
 *   <li><b>Encoding:</b> the form above without its leading '/' ({@code .temp/temp-123}) has every
 *       '%' written as {@code %25} and then every '/' as {@code %2F}, and gets a leading '/'. It is
 *       injective, and reversed exactly ({@code %25} and {@code %2F} are the only escapes; any
 *       other '%' makes a name foreign). Key files, {@code SHARDING}, {@code _README} and {@code
 *       diskUsage.cache} contain neither character, so they read the same in both forms.
 *   <li><b>Old layout:</b> images written before this encoding hold names with '/' inside ({@code
 *       /.temp/}, {@code //ROOT.data}, {@code /.temp/temp-1}); {@link #parse} still reads them
 *       ({@link #isLegacy}) and {@link BlobfsStorage} renames them to the encoded form at a
 *       writable open.
 * </ul>
 *
 * <p>A file below a store's {@code .temp} directory ({@link KeySharding#scratchDir}) whose name would exceed blobfs's 255 bytes is stored
 * under a hash (see {@link #shortTempName}). Keys themselves are limited to 249 characters at the
 * image root ({@code "/" + KEY + ".data"} within 255 bytes); longer keys fail with ENAMETOOLONG.
 *
 * <p>Names that no path produces (no leading '/', empty or '.'/'..' elements) are foreign and
 * ignored; the storage reports them. The mapping depends on the shard functions of the datastore
 * directories, so {@link BlobfsStorage} re-reads or renames the files of a directory whenever
 * flatfs tells it that directory's sharding.
 */
final class BlobfsNames {
  /** The sharding of a datastore directory, or null if {@code dir} is not one (as far as flatfs said). */
  @FunctionalInterface
  interface Shards {
    KeySharding of(String dir);
  }

  /** What a blobfs name stands for. */
  record Parsed(String path, boolean directory) {}

  private BlobfsNames() {}

  /** Separator and escape character of the encoding, and their escapes. */
  private static final char SEP = '/';
  private static final char ESC = '%';
  private static final String SEP_ESCAPED = "%2F";
  private static final String ESC_ESCAPED = "%25";

  /** The blobfs name of the file at {@code path}. */
  static String fileName(String path, Shards shards) {
    String name = encode(mappedName(path, shards));
    return name.getBytes(StandardCharsets.UTF_8).length > BlobFileSystem.FILE_NAME_MAX ? shortTempName(path, name, shards) : name;
  }

  /** The outermost store scratch directory that {@code path} lies below, or null. */
  private static String scratchDirOf(String path, Shards shards) {
    String dir = "";
    for (String part : path.split("/")) {
      String next = StoragePaths.join(dir, part);
      if (next.length() == path.length()) {
        return null;
      }
      KeySharding store = shards.of(dir);
      if (store != null && part.equals(store.scratchDir())) {
        return next;
      }
      dir = next;
    }
    return null;
  }

  /** The blobfs name of the file at {@code path} without any key mapping (scratch names). */
  static String literalName(String path) {
    return encode("/" + path);
  }

  /** "/" + the unencoded form without its leading '/', escaped: a name with no '/' but the first. */
  private static String encode(String unencoded) {
    String rest = unencoded.substring(1);
    if (rest.indexOf(SEP) < 0 && rest.indexOf(ESC) < 0) {
      return unencoded;
    }
    return "/" + rest.replace(String.valueOf(ESC), ESC_ESCAPED).replace(String.valueOf(SEP), SEP_ESCAPED);
  }

  /** The unencoded form of an encoded name, or null if {@code rest} is not one. */
  private static String decode(String rest) {
    if (rest.indexOf(SEP) >= 0) {
      return null;
    }
    if (rest.indexOf(ESC) < 0) {
      return "/" + rest;
    }
    StringBuilder sb = new StringBuilder(rest.length() + 1).append('/');
    for (int i = 0; i < rest.length(); i++) {
      char c = rest.charAt(i);
      if (c != ESC) {
        sb.append(c);
      } else if (rest.startsWith(SEP_ESCAPED, i)) {
        sb.append(SEP);
        i += 2;
      } else if (rest.startsWith(ESC_ESCAPED, i)) {
        sb.append(ESC);
        i += 2;
      } else {
        return null;
      }
    }
    return sb.toString();
  }

  /** Whether {@code name} is in the layout before the encoding (a '/' after the first character). */
  static boolean isLegacy(String name) {
    return name.length() > 1 && name.charAt(0) == '/' && name.indexOf(SEP, 1) >= 0;
  }

  /**
   * The unencoded form ({@code "/" + path}, {@code "/" + dir + "/"} for a marker, with {@code "//"}
   * for an escaped file) of a name in either layout, or null for a foreign name.
   */
  static String unencoded(String name) {
    if (name.length() < 2 || name.charAt(0) != '/') {
      return null;
    }
    return isLegacy(name) ? name : decode(name.substring(1));
  }

  /**
   * Batch staging files ({@code .temp/batch-<nanos>-<rand>/K.data}) add 52 bytes to a key's name.
   * Whatever lies in a {@code .temp} directory is wiped at every open, so when such a name is too
   * long for blobfs it is stored under a hash instead; the index maps the path within a session,
   * and after a restart it is just a stray temp file that the open removes.
   */
  private static String shortTempName(String path, String name, Shards shards) {
    String base = scratchDirOf(path, shards);
    if (base == null) {
      return name;
    }
    try {
      byte[] h = MessageDigest.getInstance("SHA-256").digest(path.getBytes(StandardCharsets.UTF_8));
      return encode("/" + base + "/~" + HexFormat.of().formatHex(h, 0, 16));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is a required JDK algorithm", e);
    }
  }

  private static String mappedName(String path, Shards shards) {
    String dir = StoragePaths.parent(path);
    String base = StoragePaths.name(path);
    KeySharding own = shards.of(dir);
    if (own != null) {
      String key = own.keyOf(base);
      // Lies directly in a datastore directory: a key file only if its shard is "" (Go's Join).
      return key == null || own.shardOf(key).isEmpty() ? "/" + path : "/" + (dir.isEmpty() ? "" : dir + "/") + "/" + base;
    }
    if (!dir.isEmpty()) {
      String root = StoragePaths.parent(dir);
      KeySharding f = shards.of(root);
      String key = f == null ? null : f.keyOf(base);
      if (key != null && f.shardOf(key).equals(StoragePaths.name(dir))) {
        return "/" + StoragePaths.join(root, base);
      }
    }
    return "/" + path;
  }

  /** The blobfs name of the marker of directory {@code path} (never the root). */
  static String dirName(String path) {
    return encode("/" + path + "/");
  }

  /** Whether {@code dir} is a shard directory of a datastore, i.e. virtual. */
  static boolean isVirtualDir(String dir, Shards shards) {
    if (dir.isEmpty()) {
      return false;
    }
    KeySharding store = shards.of(StoragePaths.parent(dir));
    return store != null && StoragePaths.name(dir).charAt(0) != store.hiddenMark();
  }

  /** What {@code name} (in either layout) stands for, or null for a foreign name. */
  static Parsed parse(String name, Shards shards) {
    String full = unencoded(name);
    if (full == null) {
      return null;
    }
    String rest = full.substring(1);
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
    KeySharding f = shards.of(dir);
    String key = f == null ? null : f.keyOf(base);
    if (key != null) {
      return new Parsed(StoragePaths.join(dir, f.shardOf(key), base), false);
    }
    return new Parsed(rest, false);
  }

  /** The encoded form of a name of the old layout ({@link #isLegacy}); independent of any sharding. */
  static String migrated(String legacyName) {
    return encode(legacyName);
  }

  /** A storage path other than the root. */
  private static boolean valid(String path) {
    return !path.isEmpty() && StoragePaths.isValid(path);
  }
}
