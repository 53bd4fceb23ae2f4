package org.jds.interop;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.jds.node.blockstore.Blockstore;
import org.jds.node.blockstore.DsKeys;
import org.jds.node.multiformats.Cid;
import org.jds.node.repo.Repo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A repo the real kubo v0.43.1 filled with {@code ipfs add -r} (five variants, see
 * {@link KuboAdded}) is imported by {@code jds import} into a blobfs and a flatfs repo: the Java
 * {@code refs local} prints exactly kubo's set, and every block reads back byte-identical to what
 * kubo stored (all of them compared with go-ds-flatfs's reading of kubo's {@code blocks}, the roots
 * also with {@code ipfs block get}).
 */
class KuboImportTest {

  @Test
  void kuboIsTheReleaseBuiltFromTheModuleProxy() {
    Kubo.assertVersion();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"blobfs", "flatfs"})
  void importedKuboRepoReadsBackBlockForBlock(String profile) throws Exception {
    KuboAdded k = KuboAdded.shared();
    Path repo = k.newJdsRepo(profile);
    TreeSet<String> kuboRefs = k.refsLocal();
    String summary = JdsCli.run("import", "--repo-dir", repo, k.kubo.repo());
    assertTrue(summary.contains("imported " + kuboRefs.size() + " "), summary);

    TreeSet<String> javaRefs = new TreeSet<>(Arrays.asList(JdsCli.run("refs", "local", "--repo-dir", repo).split("\n")));
    assertEquals(kuboRefs, javaRefs);

    // go-ds-flatfs reads kubo's blocks (KEY, size, sha256); Java's blocks must give the same listing.
    String kuboListing = GoHarness.get().run("read", k.kubo.repo().resolve("blocks").toString()).ok().out();
    Map<String, byte[]> javaBlocks = new TreeMap<>();
    try (Repo r = Repo.open(repo)) {
      Blockstore bs = r.blockstore();
      for (String ref : javaRefs) {
        Cid cid = Cid.parse(ref);
        javaBlocks.put(DsKeys.fromMultihash(cid.multihash()).toString(), bs.get(cid));
      }
      for (KuboAdded.Added a : k.added) {
        // The CIDs kubo printed (v0 dag-pb, v1 dag-pb/raw, blake2b) find their blocks too.
        for (String c : Stream.concat(Stream.of(a.root()), a.files().values().stream()).toList()) {
          assertTrue(bs.has(Cid.parse(c)), () -> a.variant() + ": " + c + " not in the Java repo");
        }
        assertArrayEquals(k.kubo.run("block", "get", a.root()).ok().stdout(), bs.get(Cid.parse(a.root())),
            () -> a.variant() + " root " + a.root());
      }
    }
    assertEquals(kuboListing, Manifest.listing(javaBlocks));
    assertEquals(kuboRefs.size(), kuboListing.split("\n").length);
  }
}
