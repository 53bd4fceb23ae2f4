package org.jds.node.daemon;

import java.nio.file.Path;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link GatewayTest}'s cases on a repo {@code jds init --profile s3} made: /blocks in a MinIO bucket. */
class S3GatewayTest extends GatewayTest {
  @RegisterExtension static final S3Repos S3 = new S3Repos("gateway-blocks");

  @Override
  TestNode startNode(Path dir) throws Exception {
    return TestNode.start(dir, repo -> S3.init(repo, "gateway"));
  }
}
