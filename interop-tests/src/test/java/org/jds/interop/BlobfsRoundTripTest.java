package org.jds.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.jds.blobfs.datastore.BlobfsImage;
import org.jds.blobfs.datastore.BlobfsStorage;
import org.jds.blobfs.datastore.Geometry;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A tree written by go-ds-flatfs goes into a blobfs image and back out with {@code jds ds export};
 * the result is byte-identical to Go's (apart from _README text, .temp and diskUsage.cache), and Go
 * reads it as its own.
 */
class BlobfsRoundTripTest {
  @TempDir Path tmp;

  private static void jds(String... args) {
    JdsCli.run((Object[]) args);
  }

  /**
   * blobfs names are at most 255 bytes, so keys longer than 249 characters ({@code "/" + KEY +
   * ".data"}) cannot be stored; Go's 250-character edge key is left out.
   */
  private static Manifest fitting(Manifest all) {
    Manifest out = new Manifest();
    for (Manifest.Op op : all.ops()) {
      if (op.key().length() - 1 > 249) {
        continue;
      }
      if (op.isDelete()) {
        out.delete(op.key());
      } else if (op.spec().startsWith("gen:")) {
        String[] f = op.spec().split(":");
        out.putGen(op.key(), Integer.parseInt(f[1]), Long.parseLong(f[2]));
      } else {
        out.putHex(op.key(), op.value());
      }
    }
    return out;
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(ShardFn.class)
  void goTreeThroughBlobfsAndBack(ShardFn fn) throws Exception {
    GoHarness go = GoHarness.get();
    for (Manifest m : List.of(Entries.standard(false), fitting(Entries.edges()))) {
      Path g = tmp.resolve("go-" + m.size());
      go.run(m.toBytes(), CrossTest.goWriteArgs(g, fn, false, false)).ok();
      TreeSnapshot before = TreeSnapshot.of(g);

      Path img = tmp.resolve("img-" + m.size());
      BlobfsImage.create(img, 256L << 20, Geometry.DEFAULT, false).close();
      jds("ds", "--store", "flatfs:" + g, "--no-sync", "export", "--to", "blobfs:" + img);
      try (BlobfsStorage s = BlobfsImage.open(img, false)) {
        // The image holds flat /KEY.data names (what SPDK's blobfs FUSE tools list).
        assertTrue(s.fileSystem().list().stream().filter(n -> n.endsWith(".data")).allMatch(n -> n.lastIndexOf('/') == 0));
        assertEquals(fn.id() + "\n", new String(s.readAll("SHARDING"), java.nio.charset.StandardCharsets.UTF_8));
      }
      Path back = tmp.resolve("back-" + m.size());
      jds("ds", "--store", "blobfs:" + img, "--no-sync", "export", "--to", "flatfs:" + back);

      assertEquals(List.of(), TreeSnapshot.contentDiff(before, "go", TreeSnapshot.of(back), "round-trip", true));
      assertEquals(m.expectedListing(), go.run("read", back.toString()).ok().out());
      assertEquals(TreeSnapshot.of(g).nodes().keySet(), before.nodes().keySet(), "the export left the source alone");
    }
  }
}
