package org.jds.bench;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * A local MinIO for the s3ds rows, started as the s3ds tests start theirs: a single-node
 * erasure-coded set over four drive folders under {@code dir} (on the disk being measured), on
 * 127.0.0.1 and a free port, ready when its cluster health endpoint answers 200; one bucket.
 * {@link #close} stops it (SIGTERM, then SIGKILL).
 */
final class MinioServer implements AutoCloseable {
  static final String ACCESS_KEY = "jdsbenchadmin";
  static final String SECRET_KEY = "jdsbenchadmin-secret";
  static final String BUCKET = "jds-bench";
  private static final int DRIVES = 4;
  private static final Duration READY = Duration.ofMinutes(3);

  private final Process process;
  private final String endpoint;

  /**
   * Starts MinIO from {@code binary} and creates {@link #BUCKET}.
   *
   * @throws IOException if it exits, is not healthy within {@link #READY}, or the bucket cannot be made
   */
  MinioServer(Path binary, Path dir) throws IOException, InterruptedException {
    for (int i = 1; i <= DRIVES; i++) {
      Files.createDirectories(dir.resolve("d" + i));
    }
    int port;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    endpoint = "http://127.0.0.1:" + port;
    Path log = dir.resolve("minio.log");
    ProcessBuilder pb = new ProcessBuilder(List.of(binary.toString(), "server", "--quiet", "--address",
        "127.0.0.1:" + port, dir.resolve("d{1..." + DRIVES + "}").toString()))
        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    pb.environment().put("MINIO_CI_CD", "1"); // drives on the root disk are allowed
    pb.environment().put("MINIO_ROOT_USER", ACCESS_KEY);
    pb.environment().put("MINIO_ROOT_PASSWORD", SECRET_KEY);
    pb.environment().put("MINIO_BROWSER", "off");
    pb.environment().put("MINIO_UPDATE", "off");
    process = pb.start();
    long deadline = System.nanoTime() + READY.toNanos();
    while (!healthy()) {
      if (!process.isAlive() || System.nanoTime() > deadline) {
        close();
        throw new IOException("MinIO did not become ready (" + (process.isAlive() ? "timeout" : "exited "
            + process.exitValue()) + "):\n" + Files.readString(log));
      }
      process.waitFor(100, TimeUnit.MILLISECONDS); // polls the endpoint; returns early if MinIO exits
    }
    try (S3Client c = S3Client.builder().endpointOverride(URI.create(endpoint)).forcePathStyle(true)
        .region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY)))
        .build()) {
      c.createBucket(b -> b.bucket(BUCKET));
    } catch (RuntimeException e) {
      close();
      throw new IOException("cannot create bucket " + BUCKET + " at " + endpoint + ": " + e, e);
    }
  }

  String endpoint() {
    return endpoint;
  }

  private boolean healthy() {
    try {
      HttpURLConnection c = (HttpURLConnection) URI.create(endpoint + "/minio/health/cluster").toURL()
          .openConnection();
      c.setConnectTimeout(1000);
      c.setReadTimeout(5000);
      try {
        return c.getResponseCode() == 200;
      } finally {
        c.disconnect();
      }
    } catch (IOException e) {
      return false;
    }
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor();
    }
  }
}
