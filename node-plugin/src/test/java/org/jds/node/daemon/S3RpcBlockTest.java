package org.jds.node.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.jds.node.blockstore.DsKeys;
import org.jds.node.multiformats.Cid;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link RpcBlockTest}'s cases on a repo {@code jds init --profile s3} made: /blocks in a MinIO bucket. */
class S3RpcBlockTest extends RpcBlockTest {
  static final String ROOT = "rpc";
  @RegisterExtension static final S3Repos S3 = new S3Repos("rpc-blocks");

  @Override
  TestNode startNode(Path dir) throws Exception {
    return TestNode.start(dir, repo -> S3.init(repo, ROOT));
  }

  /** The blocks really are in the bucket, as go-ds-s3 names them: rootDirectory/base32 of the multihash. */
  @Test
  void aPutBlockIsAnObjectInTheBucket() throws Exception {
    byte[] data = "in the bucket".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    String cid = node.put(data, "");
    String object = ROOT + "/" + DsKeys.name(Cid.parse(cid).multihash());
    assertEquals(Long.valueOf(data.length), S3.objects(ROOT).get(object), S3.objects(ROOT).toString());
  }
}
