package org.jds.interop;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.stream.Stream;

/** Independent disk-usage helpers for the tests. */
final class DiskUsage {
  private DiskUsage() {}

  /** Sum of the st_size of root and every entry below it (the exact form of Go's folderSize). */
  static long walk(Path root) {
    long total = 0;
    try (Stream<Path> s = Files.walk(root)) {
      for (Path p : (Iterable<Path>) s::iterator) {
        total += Files.readAttributes(p, BasicFileAttributes.class).size();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return total;
  }

  /** The diskUsage field of a diskUsage.cache file. */
  static long cached(Path root) {
    try {
      String s = Files.readString(root.resolve(TreeSnapshot.DU_CACHE));
      java.util.regex.Matcher m = java.util.regex.Pattern.compile("^\\{\"diskUsage\":(-?[0-9]+),\"accuracy\":\"([^\"]*)\"}\n$").matcher(s);
      if (!m.matches()) {
        throw new IllegalStateException("unexpected diskUsage.cache: " + s);
      }
      return Long.parseLong(m.group(1));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
