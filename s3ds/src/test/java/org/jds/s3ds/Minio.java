package org.jds.s3ds;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * A real MinIO server for tests: a single-node erasure-coded set over four drive folders in a temp
 * directory, on 127.0.0.1 and a free port, started from the binary {@code .ci/minio} builds (from the
 * Go module proxy, cached). {@link #kill()} sends SIGKILL; {@link #start()} again runs it on the same
 * drives and port.
 *
 * <p>Without MinIO (no Go to build it) the calling test is skipped, except under {@code CI=true},
 * where that is a failure. {@code JDS_MINIO} names a prebuilt binary instead.
 */
public final class Minio implements AutoCloseable {
  public static final String ACCESS_KEY = "jdsminioadmin";
  public static final String SECRET_KEY = "jdsminioadmin-secret";
  public static final int DRIVES = 4;
  /** Generous: a cold start on a loaded 2-core machine; readiness is polled, not waited out. */
  private static final Duration READY_DEADLINE = Duration.ofMinutes(3);

  private static Path binary;
  private static String unavailable;

  private final Path dir;
  private final int port;
  private Process process;

  private Minio(Path dir, int port) {
    this.dir = dir;
    this.port = port;
  }

  /** Starts MinIO with its drives under {@code dir}; skips or fails (CI) when there is no MinIO. */
  public static Minio start(Path dir) throws IOException, InterruptedException {
    Path bin = binary();
    for (int i = 1; i <= DRIVES; i++) {
      Files.createDirectories(dir.resolve("d" + i));
    }
    Minio m = new Minio(dir, freePort());
    m.launch(bin);
    return m;
  }

  /** The MinIO binary, built (or found in the cache) once per JVM. */
  static synchronized Path binary() throws IOException, InterruptedException {
    if (binary == null && unavailable == null) {
      String env = System.getenv("JDS_MINIO");
      if (env != null && !env.isBlank()) {
        binary = Path.of(env);
      } else {
        binary = build();
      }
      if (binary != null && !Files.isExecutable(binary)) {
        unavailable = "MinIO binary " + binary + " is not executable";
        binary = null;
      }
    }
    if (binary == null) {
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        fail(unavailable + ". CI=true, so this is a failure, not a skip.");
      }
      Assumptions.assumeTrue(false, unavailable + "; skipping because CI is not set.");
    }
    return binary;
  }

  /** Runs {@code .ci/minio}, which prints the cached binary's path (building it when absent). */
  private static Path build() throws IOException, InterruptedException {
    Path script = repoRoot().resolve(".ci/minio");
    Path log = Files.createTempFile("minio-build", ".log");
    Process p = new ProcessBuilder("bash", script.toString()).redirectError(log.toFile()).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
    int rc = p.waitFor();
    if (rc != 0 || out.isEmpty()) {
      unavailable = "no MinIO: " + script + " exited " + rc + ": " + Files.readString(log).trim();
      return null;
    }
    return Path.of(out);
  }

  private static Path repoRoot() {
    String prop = System.getProperty("jds.root");
    Path p = prop != null && !prop.isBlank() ? Path.of(prop) : Path.of("").toAbsolutePath();
    while (p != null && !Files.isRegularFile(p.resolve(".ci/minio"))) {
      p = p.getParent();
    }
    if (p == null) {
      throw new IllegalStateException(".ci/minio not found above " + prop);
    }
    return p;
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  /** Starts the server again on the same drives and port (after {@link #kill()} or {@link #stop()}). */
  public void start() throws IOException, InterruptedException {
    launch(binary());
  }

  private void launch(Path bin) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>(List.of(bin.toString(), "server", "--quiet", "--address",
        "127.0.0.1:" + port, dir.resolve("d{1..." + DRIVES + "}").toString()));
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(log().toFile()));
    pb.environment().put("MINIO_CI_CD", "1"); // drives on the root disk are allowed
    pb.environment().put("MINIO_ROOT_USER", ACCESS_KEY);
    pb.environment().put("MINIO_ROOT_PASSWORD", SECRET_KEY);
    pb.environment().put("MINIO_BROWSER", "off");
    pb.environment().put("MINIO_UPDATE", "off");
    process = pb.start();
    awaitReady();
  }

  /** Polls the cluster health endpoint (write quorum) until it answers 200 or the process dies. */
  private void awaitReady() throws IOException, InterruptedException {
    long deadline = System.nanoTime() + READY_DEADLINE.toNanos();
    while (true) {
      if (!process.isAlive()) {
        throw new IOException("MinIO exited with " + process.exitValue() + ":\n" + Files.readString(log()));
      }
      if (healthy()) {
        return;
      }
      if (System.nanoTime() > deadline) {
        throw new IOException("MinIO not ready within " + READY_DEADLINE + ":\n" + Files.readString(log()));
      }
      process.waitFor(100, TimeUnit.MILLISECONDS);
    }
  }

  private boolean healthy() {
    try {
      HttpURLConnection c = (HttpURLConnection) URI.create(endpoint() + "/minio/health/cluster").toURL().openConnection();
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

  public Path log() {
    return dir.resolve("minio.log");
  }

  public String endpoint() {
    return "http://127.0.0.1:" + port;
  }

  /** A drive folder, 1 to {@value #DRIVES}. */
  public Path drive(int i) {
    return dir.resolve("d" + i);
  }

  /** SIGKILL, then waits for the process to be gone. */
  public void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor();
  }

  /** SIGTERM and wait. */
  public void stop() throws InterruptedException {
    if (process != null && process.isAlive()) {
      process.destroy();
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        kill();
      }
    }
  }

  /** A plain SDK client with the root credentials, for setting up buckets and looking at objects. */
  public S3Client client() {
    return S3Client.builder()
        .endpointOverride(URI.create(endpoint()))
        .forcePathStyle(true)
        .region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY)))
        .build();
  }

  /** Creates {@code bucket}. */
  public void createBucket(String bucket) {
    try (S3Client c = client()) {
      c.createBucket(b -> b.bucket(bucket));
    }
  }

  /** An s3ds config for {@code bucket} here, with short timeouts so failures show fast. */
  public S3Config config(String bucket) {
    return S3Config.forBucket(bucket).withEndpoint(endpoint()).withCredentials(ACCESS_KEY, SECRET_KEY, "")
        .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(20), Duration.ofSeconds(60), 3);
  }

  @Override
  public void close() throws InterruptedException {
    stop();
  }
}
