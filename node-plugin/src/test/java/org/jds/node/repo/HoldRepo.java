package org.jds.node.repo;

import java.nio.file.Path;

/** Child-process helper: opens the repo in args[0], prints "OPEN", holds it until stdin closes. */
public final class HoldRepo {
  private HoldRepo() {}

  public static void main(String[] args) throws Exception {
    try (Repo r = Repo.open(Path.of(args[0]))) {
      System.out.println("OPEN");
      System.out.flush();
      while (System.in.read() >= 0) {
        // hold the lock until the parent closes our stdin
      }
    }
  }
}
