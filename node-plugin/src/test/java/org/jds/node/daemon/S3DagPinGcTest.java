package org.jds.node.daemon;

import java.util.List;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@link DagPinGcTest}'s cases on repos {@code jds init --profile s3} made, each under its own
 * rootDirectory of one MinIO bucket, with GC on the bucket allowed (the node's only user).
 */
class S3DagPinGcTest extends DagPinGcTest {
  @RegisterExtension static final S3Repos S3 = new S3Repos("dag-pin-gc");

  private String root() {
    return dir.getFileName().toString();
  }

  @Override
  TestNode startNode() throws Exception {
    return TestNode.start(dir, repo -> S3.initAllowingGc(repo, root()));
  }

  /** The sizes of the objects under this test's rootDirectory. */
  @Override
  long storedBytes(TestNode node) {
    return S3.objects(root()).values().stream().mapToLong(Long::longValue).sum();
  }

  /**
   * No: RepoSize is the disk usage of the stores that report one, and an S3 bucket does not (as kubo
   * with go-ds-s3, whose datastore is no PersistentDatastore); storedBytes counts the objects instead.
   */
  @Override
  boolean repoSizeCountsBlocks() {
    return false;
  }

  /** S3 adds no metrics of its own (its operations count in the measure metrics every repo has). */
  @Override
  List<String> storeMetrics() {
    return List.of();
  }
}
