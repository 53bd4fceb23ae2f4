package org.jds.node.cli;

import java.nio.file.Path;
import org.jds.node.repo.Repo;
import picocli.CommandLine.Option;

/** {@code --repo-dir}, shared by the repo commands; default {@code $JDS_PATH} or {@code ~/.jds}. */
final class RepoOption {
  @Option(names = "--repo-dir", paramLabel = "DIR", description = "The repo (default $JDS_PATH, else ~/.jds).")
  Path dir;

  Path path() {
    return dir != null ? dir : Repo.defaultPath();
  }
}
