package org.jds.node.cli;

import java.nio.file.Path;
import org.jds.node.transfer.BlockSource;

/** CAR files as import sources: waits for the CAR reader (org.jds.node.car). */
final class CarSources {
  private CarSources() {}

  static BlockSource open(Path file) throws BadInputException {
    throw new BadInputException("CAR import is not available in this build: " + file);
  }
}
