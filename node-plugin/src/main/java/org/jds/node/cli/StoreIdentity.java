package org.jds.node.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * Real identities of store locations (image files, flatfs directories), so that a command that
 * reads one store and writes another never gets the same store twice under two spellings: a
 * relative path, {@code ./}, {@code ..}, a symbolic link, a hard link, or a directory nested in the
 * other.
 */
final class StoreIdentity {
  private StoreIdentity() {}

  /**
   * Refuses a source and a target that are the same file or directory, or of which one lies inside
   * the other. Nothing is opened or created.
   *
   * @param what the command, for the message (e.g. "export")
   * @throws BadInputException naming both locations
   */
  static void checkDistinct(String what, String source, String target) throws BadInputException {
    Path a = real(source);
    Path b = real(target);
    if (a.equals(b) || sameExistingFile(a, b)) {
      throw new BadInputException(what + ": source " + source + " and target " + target
          + " are the same store (" + a + "); name another target");
    }
    if (b.startsWith(a) || a.startsWith(b)) {
      String inner = b.startsWith(a) ? target : source;
      String outer = b.startsWith(a) ? source : target;
      throw new BadInputException(what + ": " + inner + " lies inside " + outer
          + "; source and target must not contain each other");
    }
  }

  /** Hard links and bind mounts: same device and inode under two real paths. */
  private static boolean sameExistingFile(Path a, Path b) {
    try {
      return Files.exists(a) && Files.exists(b) && Files.isSameFile(a, b);
    } catch (IOException e) {
      return false;
    }
  }

  /**
   * The absolute path with every symbolic link of its longest existing ancestor resolved; the part
   * that does not exist yet is appended as written (normalized).
   */
  static Path real(String location) throws BadInputException {
    Path p;
    try {
      p = Path.of(location).toAbsolutePath().normalize();
    } catch (InvalidPathException e) {
      throw new BadInputException("invalid path '" + location + "': " + e.getReason());
    }
    Path existing = p;
    while (existing != null && !Files.exists(existing)) {
      existing = existing.getParent();
    }
    if (existing == null) {
      return p;
    }
    try {
      return existing.toRealPath().resolve(existing.relativize(p)).normalize();
    } catch (IOException e) {
      return p;
    }
  }
}
