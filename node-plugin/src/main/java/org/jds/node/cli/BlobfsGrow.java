package org.jds.node.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.jds.blobfs.blobstore.Grow;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code jds blobfs grow IMG SIZE}: SPDK's bs grow, offline, up to the room reserved at mkfs. */
@Command(name = "grow", description = "Grow the image and its blobstore to SIZE (e.g. 2G), up to the limit set at mkfs.")
final class BlobfsGrow implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "IMG") Path img;
  @Parameters(index = "1", paramLabel = "SIZE") String size;
  @Spec CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    long clusters = Grow.grow(img, BlobfsCommand.parseSize(size), BlobfsCommand.BLOCK);
    spec.commandLine().getOut().printf("blobfs grown: %d clusters%n", clusters);
    return Jds.EXIT_OK;
  }
}
