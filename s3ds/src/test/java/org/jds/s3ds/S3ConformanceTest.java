package org.jds.s3ds;

import java.nio.file.Path;
import org.jds.datastore.Datastore;
import org.jds.datastore.testkit.DatastoreConformance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/** The whole conformance suite on s3ds against a real MinIO (erasure-coded over four drives). */
class S3ConformanceTest extends DatastoreConformance {
  @TempDir static Path dir;
  static Minio minio;

  @BeforeAll
  static void startMinio() throws Exception {
    minio = Minio.start(dir);
    minio.createBucket("conformance");
  }

  @AfterAll
  static void stopMinio() throws Exception {
    if (minio != null) {
      minio.close();
    }
  }

  /** Under a root directory, as kubo users usually configure it. */
  @Override
  protected Datastore newStore() throws Exception {
    return S3Datastore.open(minio.config("conformance").withRootDirectory("ipfs/suite"));
  }
}
