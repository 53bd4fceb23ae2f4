package org.jds.interop;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * {@code jds export --flatfs} into a fresh kubo repo's {@code blocks}: the real kubo, offline,
 * {@code ipfs cat}s every file that each {@code ipfs add} variant added, finds exactly the source
 * repo's blocks ({@code refs local}) and verifies them all ({@code repo verify}).
 */
class KuboExportTest {

  @Test
  void kuboCatsEveryFileFromAJavaExportedBlocksDir() throws Exception {
    KuboAdded k = KuboAdded.shared();
    Path repo = k.newJdsRepo("blobfs");
    JdsCli.run("import", "--repo-dir", repo, k.kubo.repo());

    Kubo fresh = Kubo.init(k.newDir("kubo-fresh-").resolve("repo"));
    Path blocks = fresh.repo().resolve("blocks");
    KuboAdded.deleteTree(blocks); // kubo's own: only the empty directory of 'init -e'
    JdsCli.run("export", "--repo-dir", repo, "--flatfs", blocks);

    assertEquals(k.refsLocal(), new TreeSet<>(fresh.run("refs", "local").ok().out().lines().toList()));
    fresh.run("repo", "verify").ok();
    for (KuboAdded.Added a : k.added) {
      for (Map.Entry<String, String> f : a.files().entrySet()) {
        assertArrayEquals(k.files.get(f.getKey()), fresh.run("cat", f.getValue()).ok().stdout(),
            () -> a.variant() + " " + f);
      }
      // By path under the root, which walks the directories too.
      assertArrayEquals(k.files.get("a/b/big.bin"), fresh.run("cat", a.root() + "/a/b/big.bin").ok().stdout(),
          () -> a.variant() + " by path");
    }
  }
}
