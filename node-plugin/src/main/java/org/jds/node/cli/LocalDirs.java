package org.jds.node.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jds.flatfs.storage.LocalStorage;

/**
 * Maps host directories onto one {@link LocalStorage} rooted at their deepest common ancestor, so
 * that flatfs (which only sees storage-relative paths) can create a directory in its parent, or move
 * files between two stores with plain renames.
 */
record LocalDirs(LocalStorage storage, List<String> paths) {
  static LocalDirs of(String... dirs) throws BadInputException {
    List<Path> abs = new ArrayList<>();
    for (String d : dirs) {
      if (d.isEmpty()) {
        throw new BadInputException("empty directory name");
      }
      Path p;
      try {
        p = Path.of(d).toAbsolutePath().normalize();
      } catch (java.nio.file.InvalidPathException e) {
        throw new BadInputException("invalid directory name: " + e.getMessage());
      }
      if (p.getParent() == null) {
        throw new BadInputException("cannot use the file-system root as a datastore: " + d);
      }
      abs.add(p);
    }
    Path root = abs.get(0).getParent();
    for (Path p : abs) {
      while (!p.startsWith(root) || p.equals(root)) {
        root = root.getParent();
      }
    }
    List<String> rel = new ArrayList<>();
    for (Path p : abs) {
      rel.add(root.relativize(p).toString().replace(java.io.File.separatorChar, '/'));
    }
    return new LocalDirs(new LocalStorage(root), rel);
  }
}
