package org.jds.node.daemon;

import com.fasterxml.jackson.databind.node.BooleanNode;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.jds.node.repo.Profiles;
import org.jds.node.repo.RepoConfig;
import org.jds.s3ds.Minio;
import org.jds.s3ds.MinioExtension;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Test helper: a MinIO (s3ds's {@link MinioExtension}, skipped without MinIO unless {@code CI=true})
 * and repos as {@code jds init --profile s3} writes them, {@code /blocks} in one of its buckets inside
 * measure and {@code /} in levelds. The credentials reach the AWS SDK through its default chain (the
 * {@code aws.accessKeyId} system properties), as a user's environment would, and are not in the repo.
 * Register it as a static field: {@code @RegisterExtension static final S3Repos S3 = new S3Repos("b");}.
 */
final class S3Repos implements BeforeAllCallback, AfterAllCallback {
  private final MinioExtension minio;
  private final String bucket;

  S3Repos(String bucket) {
    this.bucket = bucket;
    this.minio = new MinioExtension(bucket);
  }

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    minio.beforeAll(context);
    System.setProperty("aws.accessKeyId", Minio.ACCESS_KEY);
    System.setProperty("aws.secretAccessKey", Minio.SECRET_KEY);
  }

  @Override
  public void afterAll(ExtensionContext context) throws Exception {
    System.clearProperty("aws.accessKeyId");
    System.clearProperty("aws.secretAccessKey");
    minio.afterAll(context);
  }

  Minio minio() {
    return minio.minio();
  }

  String bucket() {
    return bucket;
  }

  /** Inits a repo at {@code repo} with its blocks under {@code rootDirectory} of the bucket. */
  void init(Path repo, String rootDirectory) throws Exception {
    TestNode.init(repo, config(rootDirectory));
  }

  /** As {@link #init}, with GC on the bucket allowed ({@link RepoConfig#ALLOW_GC_ON_S3}). */
  void initAllowingGc(Path repo, String rootDirectory) throws Exception {
    RepoConfig c = config(rootDirectory);
    c.set(RepoConfig.ALLOW_GC_ON_S3, BooleanNode.TRUE);
    TestNode.init(repo, c);
  }

  private RepoConfig config(String rootDirectory) throws Exception {
    return RepoConfig.withSpec(Profiles.s3(bucket, minio().endpoint(), rootDirectory), TestNode.IMAGE_SIZE);
  }

  /** Object name to size, for every object under {@code rootDirectory + "/"} in the bucket. */
  Map<String, Long> objects(String rootDirectory) {
    Map<String, Long> out = new HashMap<>();
    try (S3Client c = minio().client()) {
      for (S3Object o : c.listObjectsV2Paginator(b -> b.bucket(bucket).prefix(rootDirectory + "/")).contents()) {
        out.put(o.key(), o.size());
      }
    }
    return out;
  }
}
