package org.jds.node.plugin.builtin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.jds.datastore.Datastore;
import org.jds.datastore.DatastoreException;
import org.jds.node.plugin.ConfigException;
import org.jds.node.plugin.DatastoreConfig;
import org.jds.node.plugin.DatastorePlugin;
import org.jds.node.plugin.DiskSpec;
import org.jds.node.plugin.OpenContext;
import org.jds.node.plugin.SpecFields;
import org.jds.node.plugin.SpecParser;
import org.jds.s3ds.S3Config;
import org.jds.s3ds.S3Datastore;

/**
 * {@code "type": "s3ds"}: go-ds-s3's plugin, so a bucket is shared with kubo. Fields: {@code bucket}
 * (required), {@code region}, {@code accessKey}, {@code secretKey}, {@code sessionToken}, {@code
 * regionEndpoint}, {@code rootDirectory} (strings, "" when absent; go-ds-s3 requires region,
 * accessKey and secretKey to be present, jds does not), {@code workers} (a positive integer).
 * Empty keys use the AWS SDK's default credentials (AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY,
 * profiles). Disk spec as go-ds-s3's: {@code {"bucket","region","rootDirectory"}}, without a type.
 * The repo path is ignored.
 */
public final class S3dsPlugin implements DatastorePlugin {
  public static final String TYPE = "s3ds";

  @Override
  public String typeName() {
    return TYPE;
  }

  @Override
  public DatastoreConfig parse(ObjectNode params, SpecParser children) throws ConfigException {
    JsonNode b = params.get("bucket");
    if (b == null || !b.isTextual() || b.textValue().isEmpty()) {
      throw new ConfigException("s3ds: no bucket specified");
    }
    S3Config c = S3Config.forBucket(b.textValue())
        .withRegion(SpecFields.optString(params, "region", ""))
        .withRootDirectory(SpecFields.optString(params, "rootDirectory", ""))
        .withEndpoint(SpecFields.optString(params, "regionEndpoint", ""))
        .withCredentials(SpecFields.optString(params, "accessKey", ""), SpecFields.optString(params, "secretKey", ""),
            SpecFields.optString(params, "sessionToken", ""));
    JsonNode w = SpecFields.optional(params, "workers");
    if (w != null) {
      if (!w.isNumber() || w.asDouble() != Math.rint(w.asDouble()) || w.asDouble() <= 0 || w.asDouble() > 1024) {
        throw new ConfigException("s3ds: workers must be an integer from 1 to 1024: " + w);
      }
      c = c.withWorkers(w.asInt());
    }
    try {
      c.validate();
    } catch (DatastoreException e) {
      throw new ConfigException(e.getMessage(), e);
    }
    return new Config(c);
  }

  /** The parsed spec. */
  public record Config(S3Config s3) implements DatastoreConfig {
    @Override
    public DiskSpec diskSpec() {
      return DiskSpec.empty().with("bucket", s3.bucket()).with("region", s3.region())
          .with("rootDirectory", s3.rootDirectory());
    }

    /** Connects and checks the bucket can be listed (see {@link S3Datastore#open}). */
    @Override
    public Datastore create(OpenContext ctx) throws DatastoreException {
      return S3Datastore.open(s3);
    }
  }
}
