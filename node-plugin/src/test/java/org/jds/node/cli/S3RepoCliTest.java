package org.jds.node.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import org.jds.s3ds.Minio;
import org.jds.s3ds.MinioExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * {@code jds init --profile s3} against a real MinIO: the config mounts {@code /blocks} on s3ds inside
 * measure and {@code /} on levelds, datastore_spec is go-ds-s3's disk spec, no credential is written,
 * and a flatfs tree imports into the bucket with go-ds-s3's object names and exports back byte for byte.
 */
class S3RepoCliTest {
  static final int BLOCKS = 300;
  @RegisterExtension static final MinioExtension MINIO = new MinioExtension("jds-blocks");
  static Minio minio;
  @TempDir Path tmp;
  private final CliRun cli = new CliRun();

  /** The credentials reach the SDK as the user's environment would (its default chain), not the repo. */
  @BeforeAll
  static void credentials() {
    minio = MINIO.minio();
    System.setProperty("aws.accessKeyId", Minio.ACCESS_KEY);
    System.setProperty("aws.secretAccessKey", Minio.SECRET_KEY);
  }

  @AfterAll
  static void noCredentials() {
    System.clearProperty("aws.accessKeyId");
    System.clearProperty("aws.secretAccessKey");
  }

  @Test
  void initWritesGoDsS3sSpecAndImportExportRoundTripThroughTheBucket() throws Exception {
    String repo = tmp.resolve("repo").toString();
    assertEquals(0, cli.run("init", "--repo-dir", repo, "--profile", "s3", "--s3-bucket", "jds-blocks",
        "--s3-endpoint", minio.endpoint(), "--s3-root-directory", "node1"), cli.err);
    assertEquals("{\"mounts\":[{\"bucket\":\"jds-blocks\",\"mountpoint\":\"/blocks\",\"region\":\"\","
        + "\"rootDirectory\":\"node1\"},{\"mountpoint\":\"/\",\"path\":\"datastore\",\"type\":\"levelds\"}],"
        + "\"type\":\"mount\"}", Files.readString(Path.of(repo, "datastore_spec")).trim());
    String config = Files.readString(Path.of(repo, "config"));
    assertTrue(config.contains("\"type\" : \"s3ds\"") || config.contains("\"type\": \"s3ds\"")
        || config.contains("\"type\":\"s3ds\""), config);
    assertTrue(config.contains("s3.datastore"), config);
    assertFalse(config.contains(Minio.SECRET_KEY), "the secret key was written into the repo");
    assertFalse(config.contains(Minio.ACCESS_KEY), "the access key was written into the repo");

    Path tree = tmp.resolve("blocks");
    BlockTrees.make(tree, BLOCKS, 2000, 15);
    assertEquals(0, cli.run("import", "--repo-dir", repo, tree.toString()), cli.err);
    assertTrue(cli.out.startsWith("imported " + BLOCKS + " ("), cli.out);

    // go-ds-s3's layout: rootDirectory/KEY, the key being the flatfs file name without .data
    Set<String> objects = new TreeSet<>();
    try (S3Client raw = minio.client()) {
      for (S3Object o : raw.listObjectsV2Paginator(b -> b.bucket("jds-blocks")).contents()) {
        objects.add(o.key());
      }
    }
    Set<String> expected = new TreeSet<>();
    for (String f : BlockTrees.files(tree).keySet()) {
      String name = Path.of(f).getFileName().toString();
      if (!name.endsWith(".data")) {
        continue; // SHARDING
      }
      expected.add("node1/" + name.substring(0, name.length() - ".data".length()));
    }
    assertEquals(expected, objects);

    assertEquals(0, cli.run("repo", "verify", "--repo-dir", repo), cli.err);
    Path back = tmp.resolve("back");
    assertEquals(0, cli.run("export", "--repo-dir", repo, "--flatfs", back.toString()), cli.err);
    BlockTrees.assertSameTree(tree, back);
  }

  @Test
  void profileS3NeedsABucketAndS3OptionsNeedProfileS3() {
    assertEquals(Jds.EXIT_BAD_INPUT, cli.run("init", "--repo-dir", tmp.resolve("a").toString(), "--profile", "s3"));
    assertTrue(cli.err.contains("--s3-bucket"), cli.err);
    assertEquals(Jds.EXIT_BAD_INPUT, cli.run("init", "--repo-dir", tmp.resolve("b").toString(), "--s3-bucket", "x"));
    assertTrue(cli.err.contains("need --profile s3"), cli.err);
  }

  @Test
  void aMissingBucketFailsInitWithItsName() {
    int rc = cli.run("init", "--repo-dir", tmp.resolve("c").toString(), "--profile", "s3",
        "--s3-bucket", "no-such-bucket", "--s3-endpoint", minio.endpoint());
    assertTrue(rc != 0, "init succeeded on a missing bucket");
    assertTrue(cli.err.contains("bucket no-such-bucket at " + minio.endpoint() + " does not exist"), cli.err);
  }
}
