package org.jds.node.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.jds.node.dag.DagCbor;
import org.jds.node.multiformats.Cid;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** jds export --car / jds import FILE.car, and bad CARs. */
class CarImportExportTest {
  @TempDir Path tmp;
  private final CliRun cli = new CliRun();
  private String repo;

  @BeforeEach
  void init() {
    repo = tmp.resolve("repo").toString();
    assertEquals(0, cli.run("init", "--repo-dir", repo, "--blobfs-size", "64MiB"), cli.err);
  }

  private String put(String repoDir, byte[] data, String codec) throws Exception {
    Path f = Files.createTempFile(tmp, "block", ".bin");
    Files.write(f, data);
    assertEquals(0, cli.run("block", "put", "--repo-dir", repoDir, "--cid-codec", codec, f.toString()), cli.err);
    return cli.out.trim();
  }

  /** A dag-cbor root linking two raw leaves. */
  private String dag(String repoDir) throws Exception {
    Cid a = Cid.parse(put(repoDir, "leaf a".getBytes(), "raw"));
    Cid b = Cid.parse(put(repoDir, "leaf b".getBytes(), "raw"));
    return put(repoDir, DagCbor.encode(Map.of("links", List.of(a, b), "name", "root")), "dag-cbor");
  }

  @Test
  void carRoundTripIsByteIdentical() throws Exception {
    String root = dag(repo);
    assertTrue(root.startsWith("bafyrei"), root);
    Path car = tmp.resolve("a.car");
    assertEquals(0, cli.run("export", "--repo-dir", repo, "--car", car.toString(), root), cli.err);
    assertEquals("exported 3 blocks to " + car + "\n", cli.out);

    String other = tmp.resolve("other").toString();
    assertEquals(0, cli.run("init", "--repo-dir", other, "--profile", "flatfs"), cli.err);
    assertEquals(0, cli.run("import", "--repo-dir", other, "--progress-every", "1", car.toString()), cli.err);
    assertTrue(cli.out.startsWith("imported 3 ("), cli.out);
    assertEquals(3, cli.progress.lines().filter(l -> l.matches("\\d blocks, .*, ETA 0:00:\\d\\d .*")).count(), cli.progress);
    Path car2 = tmp.resolve("b.car");
    assertEquals(0, cli.run("export", "--repo-dir", other, "--car", car2.toString(), root), cli.err);
    assertArrayEquals(Files.readAllBytes(car), Files.readAllBytes(car2));
    assertEquals(0, cli.run("import", "--repo-dir", other, car.toString()), cli.err);
    assertEquals("imported 0 (0 bytes), skipped 3, bad 0\n", cli.out);
  }

  @Test
  void missingBlockOfTheDagIsNotFoundAndLeavesNoFile() throws Exception {
    String root = dag(repo);
    assertEquals(0, cli.run("block", "rm", "--repo-dir", repo, Cid.parse(put(repo, "leaf b".getBytes(), "raw")).toString()));
    Path car = tmp.resolve("x.car");
    assertEquals(Jds.EXIT_NOT_FOUND, cli.run("export", "--repo-dir", repo, "--car", car.toString(), root));
    assertTrue(cli.err.contains("ipld: could not find"), cli.err);
    assertTrue(!Files.exists(car));
  }

  @Test
  void truncatedKuboCarKeepsTheBlocksBeforeTheCut() throws Exception {
    Path car = Path.of("src/test/resources/org/jds/node/car/kubo-dag-export-prefix.car");
    assertEquals(Jds.EXIT_BAD_INPUT, cli.run("import", "--repo-dir", repo, car.toString()));
    assertTrue(cli.err.contains("import stopped: corrupt CAR"), cli.err);
    assertTrue(cli.out.startsWith("imported 6 ("), cli.out);
    assertEquals(0, cli.run("repo", "verify", "--repo-dir", repo), cli.err);
    assertEquals(0, cli.run("refs", "local", "--repo-dir", repo), cli.err);
    assertEquals(6, cli.out.lines().count());
  }

  @Test
  void blockWhoseBytesDoNotMatchItsCidIsListedAndTheRestImported() throws Exception {
    String root = dag(repo);
    Path car = tmp.resolve("a.car");
    assertEquals(0, cli.run("export", "--repo-dir", repo, "--car", car.toString(), root), cli.err);
    byte[] bytes = Files.readAllBytes(car);
    bytes[bytes.length - 1] ^= 1; // last byte of the last block ("leaf b")
    Files.write(car, bytes);
    String other = tmp.resolve("other").toString();
    assertEquals(0, cli.run("init", "--repo-dir", other, "--profile", "flatfs"), cli.err);
    assertEquals(Jds.EXIT_BAD_INPUT, cli.run("import", "--repo-dir", other, car.toString()));
    assertTrue(cli.out.startsWith("imported 2 ("), cli.out);
    assertTrue(cli.out.endsWith("bad 1\n"), cli.out);
    assertTrue(cli.err.contains("bad block bafkrei") && cli.err.contains("bytes do not hash to"), cli.err);
  }

  @Test
  void notACarIsACleanError() throws Exception {
    Path f = tmp.resolve("junk.car");
    Files.write(f, "this is not a CAR file".getBytes());
    assertEquals(Jds.EXIT_BAD_INPUT, cli.run("import", "--repo-dir", repo, f.toString()));
    assertTrue(cli.err.contains("corrupt CAR"), cli.err);
  }
}
