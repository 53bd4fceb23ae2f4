package org.jds.interop;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A CAR from the real kubo's {@code ipfs dag export}, imported by {@code jds import} and exported
 * again by {@code jds export --car}, equals kubo's bytes for the same root: one root of each
 * {@code ipfs add} variant (dag-pb and raw leaves, CIDv0 and v1, blake2b), all CARs into one repo.
 */
class KuboCarTest {

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"blobfs", "flatfs"})
  void dagExportRoundTripsByteForByte(String profile) throws Exception {
    KuboAdded k = KuboAdded.shared();
    Path repo = k.newJdsRepo(profile);
    Path cars = k.newDir("cars-");
    List<Path> kuboCars = new ArrayList<>();
    for (KuboAdded.Added a : k.added) {
      Path car = cars.resolve(a.variant().name() + ".kubo.car");
      Files.write(car, k.kubo.run("dag", "export", "--offline", a.root()).ok().stdout());
      kuboCars.add(car);
      JdsCli.run("import", "--repo-dir", repo, car);
    }
    for (int i = 0; i < k.added.size(); i++) {
      KuboAdded.Added a = k.added.get(i);
      Path out = cars.resolve(a.variant().name() + ".jds.car");
      JdsCli.run("export", "--repo-dir", repo, "--car", out, a.root());
      byte[] kubo = Files.readAllBytes(kuboCars.get(i));
      assertTrue(kubo.length > 5 << 20, () -> a.variant() + ": kubo's CAR holds the whole tree");
      assertArrayEquals(kubo, Files.readAllBytes(out), () -> a.variant() + " root " + a.root());
    }
  }
}
