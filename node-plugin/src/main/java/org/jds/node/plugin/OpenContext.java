package org.jds.node.plugin;

import java.nio.file.Path;

/**
 * What a datastore is opened with: Kubo passes the repo path to {@code Create}; jds adds the
 * repo's storage limit, which sizes an embedded blobfs image.
 *
 * @param repoRoot the repo directory; relative {@code path} fields resolve against it
 * @param storageMax {@code Datastore.StorageMax} in bytes
 */
public record OpenContext(Path repoRoot, long storageMax) {
  /** {@code path} resolved against the repo root (absolute paths are kept), as Kubo's plugins do. */
  public Path resolve(String path) {
    Path p = Path.of(path);
    return p.isAbsolute() ? p : repoRoot.resolve(p);
  }
}
