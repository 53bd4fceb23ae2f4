package org.jds.s3ds;

import java.net.URI;
import java.time.Duration;
import org.jds.datastore.DatastoreException;

/**
 * Where and how an {@link S3Datastore} reaches its bucket: go-ds-s3's config ({@code region},
 * {@code bucket}, {@code rootDirectory}, {@code regionEndpoint}, {@code accessKey}, {@code
 * secretKey}, {@code sessionToken}, {@code workers}) plus the timeouts and retry budget that keep
 * every call bounded. Immutable.
 *
 * @param bucket the bucket (required)
 * @param region the signing region; "" takes it from {@code AWS_REGION}, {@code aws.region} or the
 *     AWS profile, and with an endpoint set falls back to {@code us-east-1} (MinIO's default)
 * @param rootDirectory the object-name prefix the keys live under ("" for the bucket root)
 * @param regionEndpoint an S3-compatible endpoint URL, "" for AWS; when set, addressing is path-style
 * @param accessKey with {@code secretKey}: static credentials; both "" use the SDK's default chain
 * @param secretKey see {@code accessKey}
 * @param sessionToken optional, with static credentials
 * @param workers the most S3 requests one store runs at once (batch PUTs, query value fetches)
 * @param connectTimeout TCP connect timeout of one attempt
 * @param attemptTimeout the most one HTTP attempt may take
 * @param callTimeout the most one call may take, retries and backoff included
 * @param maxAttempts attempts per call (1 = no retry); throttling, 5xx and I/O errors are retried
 *     with jittered exponential backoff
 */
public record S3Config(
    String bucket,
    String region,
    String rootDirectory,
    String regionEndpoint,
    String accessKey,
    String secretKey,
    String sessionToken,
    int workers,
    Duration connectTimeout,
    Duration attemptTimeout,
    Duration callTimeout,
    int maxAttempts) {

  /** go-ds-s3 defaults to 100 workers; a node on a small machine does well with fewer. */
  public static final int DEFAULT_WORKERS = 32;
  public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
  public static final Duration DEFAULT_ATTEMPT_TIMEOUT = Duration.ofSeconds(60);
  public static final Duration DEFAULT_CALL_TIMEOUT = Duration.ofMinutes(3);
  public static final int DEFAULT_MAX_ATTEMPTS = 5;

  public S3Config {
    bucket = nz(bucket);
    region = nz(region);
    rootDirectory = nz(rootDirectory);
    regionEndpoint = nz(regionEndpoint);
    accessKey = nz(accessKey);
    secretKey = nz(secretKey);
    sessionToken = nz(sessionToken);
  }

  /** A config for {@code bucket} with every other field at its default. */
  public static S3Config forBucket(String bucket) {
    return new S3Config(bucket, "", "", "", "", "", "", DEFAULT_WORKERS, DEFAULT_CONNECT_TIMEOUT,
        DEFAULT_ATTEMPT_TIMEOUT, DEFAULT_CALL_TIMEOUT, DEFAULT_MAX_ATTEMPTS);
  }

  public S3Config withRegion(String r) {
    return new S3Config(bucket, r, rootDirectory, regionEndpoint, accessKey, secretKey, sessionToken, workers,
        connectTimeout, attemptTimeout, callTimeout, maxAttempts);
  }

  public S3Config withRootDirectory(String dir) {
    return new S3Config(bucket, region, dir, regionEndpoint, accessKey, secretKey, sessionToken, workers,
        connectTimeout, attemptTimeout, callTimeout, maxAttempts);
  }

  public S3Config withEndpoint(String url) {
    return new S3Config(bucket, region, rootDirectory, url, accessKey, secretKey, sessionToken, workers,
        connectTimeout, attemptTimeout, callTimeout, maxAttempts);
  }

  public S3Config withCredentials(String access, String secret, String token) {
    return new S3Config(bucket, region, rootDirectory, regionEndpoint, access, secret, token, workers,
        connectTimeout, attemptTimeout, callTimeout, maxAttempts);
  }

  public S3Config withWorkers(int n) {
    return new S3Config(bucket, region, rootDirectory, regionEndpoint, accessKey, secretKey, sessionToken, n,
        connectTimeout, attemptTimeout, callTimeout, maxAttempts);
  }

  public S3Config withTimeouts(Duration connect, Duration attempt, Duration call, int attempts) {
    return new S3Config(bucket, region, rootDirectory, regionEndpoint, accessKey, secretKey, sessionToken, workers,
        connect, attempt, call, attempts);
  }

  /** True when static credentials are configured (else the SDK's default chain is used). */
  public boolean hasStaticCredentials() {
    return !accessKey.isEmpty() || !secretKey.isEmpty();
  }

  /**
   * Checks the fields that need no network.
   *
   * @throws DatastoreException naming the bad field
   */
  public void validate() throws DatastoreException {
    if (bucket.isEmpty()) {
      throw new DatastoreException("s3ds: no bucket specified");
    }
    if (accessKey.isEmpty() != secretKey.isEmpty()) {
      throw new DatastoreException("s3ds: accessKey and secretKey must be given together (or neither,"
          + " for the AWS SDK's default credentials: AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, profiles)");
    }
    if (workers <= 0) {
      throw new DatastoreException("s3ds: workers <= 0: " + workers);
    }
    if (maxAttempts <= 0) {
      throw new DatastoreException("s3ds: maxAttempts <= 0: " + maxAttempts);
    }
    for (Duration d : new Duration[] {connectTimeout, attemptTimeout, callTimeout}) {
      if (d == null || d.isNegative() || d.isZero()) {
        throw new DatastoreException("s3ds: timeouts must be positive: " + this);
      }
    }
    if (!regionEndpoint.isEmpty()) {
      try {
        URI u = new URI(regionEndpoint);
        if (u.getScheme() == null || u.getHost() == null) {
          throw new DatastoreException("s3ds: regionEndpoint is not an absolute URL: " + regionEndpoint);
        }
      } catch (java.net.URISyntaxException e) {
        throw new DatastoreException("s3ds: regionEndpoint is not a URL: " + regionEndpoint, e);
      }
    }
  }

  /** Where the bucket lives, for error messages. */
  public String where() {
    return "bucket " + bucket + (regionEndpoint.isEmpty() ? " (AWS S3)" : " at " + regionEndpoint);
  }

  /** Never prints the secret key or session token. */
  @Override
  public String toString() {
    return "S3Config{" + where() + ", region=" + region + ", rootDirectory=" + rootDirectory
        + ", credentials=" + (hasStaticCredentials() ? "static " + accessKey : "default chain")
        + ", workers=" + workers + ", connect=" + connectTimeout + ", attempt=" + attemptTimeout
        + ", call=" + callTimeout + ", attempts=" + maxAttempts + "}";
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }
}
