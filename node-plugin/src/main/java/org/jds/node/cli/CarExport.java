package org.jds.node.cli;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import org.jds.datastore.DatastoreException;
import org.jds.node.blockstore.Block;
import org.jds.node.car.CarWriter;
import org.jds.node.dag.CodecException;
import org.jds.node.dag.DagWalker;
import org.jds.node.dag.MissingBlockException;
import org.jds.node.multiformats.Cid;
import org.jds.node.repo.Repo;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code jds export --car FILE CID...}: a CARv1 of the DAGs under the roots, blocks in kubo's
 * {@code dag export} order, read with their hash checked. Written to a temp file beside FILE and
 * renamed into place when complete, so a failed export leaves no partial CAR. Exit 1 if a block of
 * the DAG is missing, 2 for a bad CID, a corrupt block or one whose links do not decode.
 */
final class CarExport {
  private CarExport() {}

  static int run(Path repoPath, Path file, List<String> args, CommandSpec spec)
      throws DatastoreException, BadInputException, IOException {
    if (args.isEmpty()) {
      throw new BadInputException("--car needs at least one root CID");
    }
    List<Cid> roots = new ArrayList<>();
    for (String a : args) {
      roots.add(CidArgs.parse(a));
    }
    Path abs = file.toAbsolutePath();
    Path tmp = abs.resolveSibling("." + abs.getFileName() + ".tmp");
    long blocks = 0;
    try (Repo r = Repo.open(repoPath)) {
      DagWalker walker = new DagWalker(r.blockstoreBuilder().hashOnRead(true).build(), roots);
      try (OutputStream os = new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16)) {
        CarWriter car = new CarWriter(os, roots);
        for (Block b = walker.next(); b != null; b = walker.next()) {
          car.write(b);
          blocks++;
        }
        car.flush();
      }
      Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (MissingBlockException e) {
      Files.deleteIfExists(tmp);
      spec.commandLine().getErr().println("jds: " + e.getMessage());
      return Jds.EXIT_NOT_FOUND;
    } catch (CodecException e) {
      Files.deleteIfExists(tmp);
      throw new BadInputException("cannot follow the links of a block: " + e.getMessage());
    } catch (DatastoreException | IOException e) {
      Files.deleteIfExists(tmp);
      throw e;
    }
    spec.commandLine().getOut().printf("exported %d blocks to %s%n", blocks, abs);
    return Jds.EXIT_OK;
  }
}
