package org.jds.s3ds;

import org.jds.datastore.Datastore;
import org.jds.datastore.testkit.DatastoreConformance;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The whole conformance suite on s3ds against a real MinIO (erasure-coded over four drives). */
class S3ConformanceTest extends DatastoreConformance {
  @RegisterExtension static final MinioExtension MINIO = new MinioExtension("conformance");

  /** Under a root directory, as kubo users usually configure it. */
  @Override
  protected Datastore newStore() throws Exception {
    return S3Datastore.open(MINIO.minio().config("conformance").withRootDirectory("ipfs/suite"));
  }
}
