package org.jds.node.daemon;

import static org.jds.node.daemon.TestNode.json;
import static org.jds.node.daemon.TestNode.text;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.BooleanNode;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.jds.node.plugin.ConfigException;
import org.jds.node.repo.Repo;
import org.jds.node.repo.RepoConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two daemons, each with its own repo ({@code /} in its own levelds), whose {@code /blocks} are the
 * same bucket and rootDirectory: a block one puts is read through the other's RPC and gateway, even
 * after the other looked for it in vain; GC is refused on a shared bucket unless the config allows it,
 * and once allowed it deletes what only the other daemon pins (the hazard the refusal guards against).
 */
class SharedBucketTest {
  static final String ROOT = "shared";
  @RegisterExtension static final S3Repos S3 = new S3Repos("shared-blocks");
  @TempDir Path dirA;
  @TempDir Path dirB;

  @Test
  void aBlockPutThroughOneDaemonIsReadThroughTheOther() throws Exception {
    byte[] data = "one bucket, two nodes".getBytes(StandardCharsets.US_ASCII);
    String cid = TestDags.raw(data).cid().toString();
    try (TestNode a = TestNode.start(dirA, r -> S3.init(r, ROOT)); TestNode b = TestNode.start(dirB, r -> S3.init(r, ROOT))) {
      // B looks first and finds nothing; that answer must not stick once A has put the block.
      assertEquals(404, b.gw("/ipfs/" + cid + "?format=raw").statusCode());
      assertEquals(500, b.post("block/stat?arg=" + cid).statusCode());

      assertEquals(cid, a.put(data, ""));

      HttpResponse<byte[]> rpc = b.post("block/get?arg=" + cid);
      assertEquals(200, rpc.statusCode(), text(rpc));
      assertArrayEquals(data, rpc.body());
      assertEquals(data.length, json(b.post("block/stat?arg=" + cid)).get("Size").asInt());
      HttpResponse<byte[]> gw = b.gw("/ipfs/" + cid + "?format=raw");
      assertEquals(200, gw.statusCode());
      assertArrayEquals(data, gw.body());

      TestDags dag = new TestDags(3, 300, 21);
      assertEquals(200, a.postFiles("dag/import", dag.carV1()).statusCode());
      assertArrayEquals(dag.carV1(), b.gw("/ipfs/" + dag.root + "?format=car").body(), "B serves A's DAG as a CAR");
    }
  }

  @Test
  void gcOnASharedBucketIsRefusedUnlessAllowed() throws Exception {
    String root = "gc-" + dirA.getFileName();
    TestDags dag = new TestDags(2, 200, 22);
    try (TestNode a = TestNode.start(dirA, r -> S3.init(r, root)); TestNode b = TestNode.start(dirB, r -> S3.init(r, root))) {
      assertEquals(200, a.postFiles("dag/import", dag.carV1()).statusCode()); // pinned on A only
      int objects = S3.objects(root).size();
      assertEquals(dag.blocks.size(), objects);

      HttpResponse<byte[]> gc = b.post("repo/gc");
      assertEquals(500, gc.statusCode());
      String msg = json(gc).get("Message").asText();
      assertTrue(msg.startsWith("gc refused: /blocks: bucket shared-blocks at " + S3.minio().endpoint()
          + ", rootDirectory \"" + root + "\" may be shared with other nodes"), msg);
      assertTrue(msg.contains("jds config --bool " + RepoConfig.ALLOW_GC_ON_S3 + " true"), msg);
      assertEquals(500, a.post("repo/gc").statusCode(), "the node that pins is refused too");
      assertEquals(objects, S3.objects(root).size(), "nothing was deleted");
      assertEquals(0, b.daemon.node().gcRuns());

      // --enable-gc does not start on a shared bucket either.
      b.daemon.close();
      ConfigException e = assertThrows(ConfigException.class, () -> Daemon.start(b.repo, true, "0.1.0-test"));
      assertTrue(e.getMessage().startsWith("--enable-gc: gc refused: /blocks: bucket shared-blocks"), e.getMessage());

      // Allowed, B's GC does what GC does: it deletes every block B does not pin, A's pinned DAG included.
      Repo.editConfig(b.repo, c -> c.set(RepoConfig.ALLOW_GC_ON_S3, BooleanNode.TRUE));
      b.daemon = Daemon.start(b.repo, false, "0.1.0-test");
      assertEquals(200, b.post("repo/gc").statusCode());
      assertEquals(0, S3.objects(root).size());
      assertTrue(text(a.post("block/get?arg=" + dag.root)).contains("could not find " + dag.root));
    }
  }
}
