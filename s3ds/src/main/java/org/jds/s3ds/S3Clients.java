package org.jds.s3ds;

import java.net.URI;
import java.time.Duration;
import org.jds.datastore.DatastoreException;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.AwsProfileRegionProvider;
import software.amazon.awssdk.regions.providers.AwsRegionProvider;
import software.amazon.awssdk.regions.providers.AwsRegionProviderChain;
import software.amazon.awssdk.regions.providers.InstanceProfileRegionProvider;
import software.amazon.awssdk.regions.providers.SystemSettingsRegionProvider;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.services.s3.S3Client;

/** Builds the one {@link S3Client} of a store from its {@link S3Config}: HTTP client, timeouts, retries. */
final class S3Clients {
  /** MinIO's (and most S3-compatible services') region when none is configured. */
  static final String ENDPOINT_DEFAULT_REGION = "us-east-1";
  private static final Duration BACKOFF_BASE = Duration.ofMillis(100);
  private static final Duration BACKOFF_MAX = Duration.ofSeconds(5);
  private static final Duration THROTTLE_BACKOFF_BASE = Duration.ofMillis(500);
  private static final Duration THROTTLE_BACKOFF_MAX = Duration.ofSeconds(20);

  private S3Clients() {}

  /**
   * A client for {@code c} (already validated). Nothing is sent yet.
   *
   * @throws DatastoreException if no region can be determined
   */
  static S3Client build(S3Config c) throws DatastoreException {
    Duration attempt = c.attemptTimeout();
    var http = Apache5HttpClient.builder()
        .connectionTimeout(c.connectTimeout())
        .socketTimeout(attempt)
        .connectionAcquisitionTimeout(attempt)
        .maxConnections(c.workers() + 2); // the workers plus callers' own gets and lists
    var override = ClientOverrideConfiguration.builder()
        .apiCallAttemptTimeout(attempt)
        .apiCallTimeout(c.callTimeout())
        .retryStrategy(retryStrategy(c.maxAttempts()))
        .build();
    var b = S3Client.builder()
        .httpClientBuilder(http)
        .overrideConfiguration(override)
        .region(region(c))
        .credentialsProvider(credentials(c));
    if (!c.regionEndpoint().isEmpty()) {
      b.endpointOverride(URI.create(c.regionEndpoint())).forcePathStyle(true);
    }
    try {
      return b.build();
    } catch (SdkException | IllegalArgumentException e) {
      throw new DatastoreException("s3ds: cannot configure the S3 client for " + c.where() + ": " + e.getMessage(), e);
    }
  }

  /**
   * The SDK's standard strategy, set explicitly: {@code attempts} tries for throttling, 5xx and I/O
   * errors, jittered exponential backoff (longer when throttled), and no token-bucket circuit
   * breaker, so every call gets its full budget and a failure says what the service answered.
   */
  static RetryStrategy retryStrategy(int attempts) {
    return AwsRetryStrategy.standardRetryStrategy().toBuilder()
        .maxAttempts(attempts)
        .backoffStrategy(BackoffStrategy.exponentialDelay(BACKOFF_BASE, BACKOFF_MAX))
        .throttlingBackoffStrategy(BackoffStrategy.exponentialDelay(THROTTLE_BACKOFF_BASE, THROTTLE_BACKOFF_MAX))
        .circuitBreakerEnabled(false)
        .build();
  }

  private static AwsCredentialsProvider credentials(S3Config c) {
    if (!c.hasStaticCredentials()) {
      return DefaultCredentialsProvider.builder().build();
    }
    return StaticCredentialsProvider.create(c.sessionToken().isEmpty()
        ? AwsBasicCredentials.create(c.accessKey(), c.secretKey())
        : AwsSessionCredentials.create(c.accessKey(), c.secretKey(), c.sessionToken()));
  }

  /**
   * The configured region; else {@code aws.region}/{@code AWS_REGION}, then the AWS profile; for AWS
   * itself also the instance metadata, for an endpoint {@value #ENDPOINT_DEFAULT_REGION}.
   */
  private static Region region(S3Config c) throws DatastoreException {
    if (!c.region().isEmpty()) {
      return Region.of(c.region());
    }
    boolean aws = c.regionEndpoint().isEmpty();
    AwsRegionProvider chain = aws
        ? new AwsRegionProviderChain(new SystemSettingsRegionProvider(), new AwsProfileRegionProvider(),
            new InstanceProfileRegionProvider())
        : new AwsRegionProviderChain(new SystemSettingsRegionProvider(), new AwsProfileRegionProvider());
    try {
      return chain.getRegion();
    } catch (SdkException e) {
      if (!aws) {
        return Region.of(ENDPOINT_DEFAULT_REGION);
      }
      throw new DatastoreException("s3ds: no region for " + c.where()
          + ": set 'region' in the spec, AWS_REGION, or a region in the AWS profile", e);
    }
  }
}
