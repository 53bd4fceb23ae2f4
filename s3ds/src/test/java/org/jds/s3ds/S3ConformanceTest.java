package org.jds.s3ds;

import java.util.stream.Stream;
import org.jds.datastore.testkit.DatastoreSuite;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The whole conformance suite on s3ds against a real MinIO (erasure-coded over four drives), under a
 * root directory as kubo users configure it. Every case runs; the query combinations use the
 * suite's smallest element count (20, not 100): each element is several HTTP round trips, and the
 * larger count multiplies the run time on a small machine without reaching a new code path (paging
 * past 1,000 keys is S3DatastoreTest's).
 */
class S3ConformanceTest {
  @RegisterExtension static final MinioExtension MINIO = new MinioExtension("conformance");

  @TestFactory
  Stream<DynamicNode> conformance() {
    return DatastoreSuite.forFactory(
            () -> S3Datastore.open(MINIO.minio().config("conformance").withRootDirectory("ipfs/suite")))
        .elemCount(20)
        .tests();
  }
}
