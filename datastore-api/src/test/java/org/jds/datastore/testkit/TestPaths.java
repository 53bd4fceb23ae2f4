package org.jds.datastore.testkit;

import java.nio.file.Files;
import java.nio.file.Path;

/** Locates the repository root and the shared directory beside it, for tests in any module. */
public final class TestPaths {
  private TestPaths() {}

  /**
   * The repository root: system property {@code jds.root} (the parent pom sets it for Surefire), or
   * else the nearest ancestor of the working directory that holds a {@code pom.xml} with modules.
   */
  public static Path repoRoot() {
    String prop = System.getProperty("jds.root");
    if (prop != null && !prop.isBlank()) {
      return Path.of(prop).toAbsolutePath().normalize();
    }
    Path dir = Path.of("").toAbsolutePath();
    for (Path p = dir; p != null; p = p.getParent()) {
      if (Files.isRegularFile(p.resolve("pom.xml")) && Files.isDirectory(p.resolve("datastore-api"))) {
        return p;
      }
    }
    return dir;
  }

  /** {@code ../shared} next to the repository root (spec, fixtures shared by the team). */
  public static Path sharedDir() {
    return repoRoot().resolveSibling("shared");
  }
}
