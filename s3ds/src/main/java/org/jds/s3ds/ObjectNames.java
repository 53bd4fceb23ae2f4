package org.jds.s3ds;

import java.nio.charset.StandardCharsets;
import org.jds.datastore.GoPath;
import org.jds.datastore.InvalidKeyException;
import org.jds.datastore.Key;
import org.jds.datastore.query.NaiveQuery;

/**
 * go-ds-s3's object layout, the one place that maps keys to object names and back: the name is
 * {@code path.Join(rootDirectory, key)} without its leading {@code /} (S3 stores {@code /foo} as
 * {@code foo}); no sharding, no suffix. So with an empty root {@code /CIQ…} is object {@code CIQ…},
 * with root {@code ipfs} it is {@code ipfs/CIQ…}. Immutable and thread-safe.
 */
final class ObjectNames {
  /** S3's limit on an object name, in UTF-8 bytes. */
  static final int MAX_NAME_BYTES = 1024;

  /** "" or the cleaned root directory plus "/": every name starts with it. */
  private final String base;

  ObjectNames(String rootDirectory) {
    String root = GoPath.clean("/" + rootDirectory).substring(1);
    this.base = root.isEmpty() ? "" : root + "/";
  }

  /**
   * The object name of {@code key}.
   *
   * @throws InvalidKeyException for the root key, a key that is not a clean path (the join would
   *     clean it, so it could not be listed back as itself) or a name over S3's 1,024 bytes
   */
  String name(Key key) throws InvalidKeyException {
    String k = key.toString();
    if (k.equals("/") || !GoPath.isClean(k)) {
      throw new InvalidKeyException("s3ds: key cannot be an object name (root or not a clean path): " + k);
    }
    String name = base + k.substring(1);
    if (name.getBytes(StandardCharsets.UTF_8).length > MAX_NAME_BYTES) {
      throw new InvalidKeyException("s3ds: object name longer than " + MAX_NAME_BYTES + " bytes: " + k);
    }
    return name;
  }

  /** The ListObjectsV2 prefix of a query prefix: strict descendants only, as go-datastore's. */
  String listPrefix(String queryPrefix) {
    String p = NaiveQuery.effectivePrefix(queryPrefix);
    return p == null ? base : base + p.substring(1);
  }

  /**
   * The key of a listed object name, or null for a name that is not one of ours (outside the root,
   * a "directory" marker ending in {@code /}, or not a clean path).
   */
  String keyOf(String name) {
    if (!name.startsWith(base) || name.length() == base.length() || name.endsWith("/")) {
      return null;
    }
    String k = "/" + name.substring(base.length());
    return GoPath.isClean(k) ? k : null;
  }
}
