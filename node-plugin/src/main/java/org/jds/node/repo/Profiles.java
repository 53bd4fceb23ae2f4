package org.jds.node.repo;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.jds.flatfs.ShardId;
import org.jds.node.plugin.ConfigException;
import org.jds.node.plugin.builtin.BlobfsPlugin;
import org.jds.node.plugin.builtin.FlatfsPlugin;
import org.jds.node.plugin.builtin.LeveldsPlugin;
import org.jds.node.plugin.builtin.MeasurePlugin;
import org.jds.node.plugin.builtin.MountPlugin;
import org.jds.node.plugin.builtin.S3dsPlugin;

/**
 * The {@code Datastore.Spec}s {@code jds init --profile} writes. {@code flatfs} is Kubo's default
 * spec byte for byte; {@code blobfs} (the default) is the same with a blobfs image at
 * {@code /blocks}, sized from StorageMax; {@code levelds} keeps everything in LevelDB; {@code s3}
 * puts {@code /blocks} in an S3 bucket ({@link #s3}).
 */
public final class Profiles {
  public static final String BLOBFS = "blobfs";
  public static final String FLATFS = "flatfs";
  public static final String LEVELDS = "levelds";
  public static final String S3 = "s3";
  public static final List<String> NAMES = List.of(BLOBFS, FLATFS, LEVELDS, S3);
  /** The blobfs image file inside the repo. */
  public static final String BLOBFS_IMAGE = "blocks.img";

  private Profiles() {}

  /**
   * The spec of profile {@code name}.
   *
   * @throws ConfigException for an unknown profile (the message lists the known ones)
   */
  public static ObjectNode spec(String name) throws ConfigException {
    return switch (name) {
      case BLOBFS -> mount(blobfsBlocks());
      case FLATFS -> mount(flatfsBlocks());
      case LEVELDS -> levelds(null);
      case S3 -> throw new ConfigException("profile s3 needs a bucket (jds init --profile s3 --s3-bucket BUCKET)");
      default -> throw new ConfigException("unknown profile: " + name + " (known: " + String.join(", ", NAMES) + ")");
    };
  }

  /**
   * The {@code s3} profile: go-ds-s3's README layout, {@code /blocks} in {@code bucket} (under
   * {@code rootDirectory}) and {@code /} in levelds, each inside {@code measure}. {@code endpoint}
   * ("" for AWS) names an S3-compatible service. Region and credentials are written empty (go-ds-s3
   * wants the fields present), so they come from the AWS SDK's usual sources: {@code AWS_REGION},
   * {@code AWS_ACCESS_KEY_ID}/{@code AWS_SECRET_ACCESS_KEY}, profiles.
   *
   * @throws ConfigException if {@code bucket} is empty
   */
  public static ObjectNode s3(String bucket, String endpoint, String rootDirectory) throws ConfigException {
    if (bucket == null || bucket.isEmpty()) {
      throw new ConfigException("profile s3 needs a bucket (jds init --profile s3 --s3-bucket BUCKET)");
    }
    ObjectNode s3 = RepoConfig.JSON.createObjectNode();
    s3.put("accessKey", "");
    s3.put("bucket", bucket);
    s3.put("region", "");
    if (endpoint != null && !endpoint.isEmpty()) {
      s3.put("regionEndpoint", endpoint);
    }
    s3.put("rootDirectory", rootDirectory == null ? "" : rootDirectory);
    s3.put("secretKey", "");
    s3.put("type", S3dsPlugin.TYPE);
    ObjectNode levelds = levelds(null);
    levelds.remove("prefix");
    ObjectNode spec = RepoConfig.JSON.createObjectNode();
    ArrayNode mounts = spec.putArray("mounts");
    mounts.add(measured("/blocks", "s3.datastore", s3));
    mounts.add(measured("/", "leveldb.datastore", levelds));
    spec.put("type", MountPlugin.TYPE);
    return spec;
  }

  private static ObjectNode measured(String mountpoint, String prefix, ObjectNode child) {
    ObjectNode n = RepoConfig.JSON.createObjectNode();
    n.set("child", child);
    n.put("mountpoint", mountpoint);
    n.put("prefix", prefix);
    n.put("type", MeasurePlugin.TYPE);
    return n;
  }

  private static ObjectNode mount(ObjectNode blocks) {
    ObjectNode spec = RepoConfig.JSON.createObjectNode();
    ArrayNode mounts = spec.putArray("mounts");
    mounts.add(blocks);
    mounts.add(levelds("/"));
    spec.put("type", MountPlugin.TYPE);
    return spec;
  }

  private static ObjectNode flatfsBlocks() {
    ObjectNode n = RepoConfig.JSON.createObjectNode();
    n.put("mountpoint", "/blocks");
    n.put("path", "blocks");
    n.put("prefix", "flatfs.datastore");
    n.put("shardFunc", ShardId.DEFAULT.toString());
    n.put("sync", false);
    n.put("type", FlatfsPlugin.TYPE);
    return n;
  }

  private static ObjectNode blobfsBlocks() {
    ObjectNode n = RepoConfig.JSON.createObjectNode();
    n.put("mountpoint", "/blocks");
    n.put("path", BLOBFS_IMAGE);
    n.put("prefix", "blobfs.datastore");
    n.put("shardFunc", ShardId.DEFAULT.toString());
    n.put("sync", false);
    n.put("type", BlobfsPlugin.TYPE);
    return n;
  }

  /** Kubo's levelds node (keys in Go's sorted order), mounted at {@code mountpoint} unless null. */
  private static ObjectNode levelds(String mountpoint) {
    ObjectNode n = RepoConfig.JSON.createObjectNode();
    n.put("compression", "none");
    if (mountpoint != null) {
      n.put("mountpoint", mountpoint);
    }
    n.put("path", "datastore");
    n.put("prefix", "leveldb.datastore");
    n.put("type", LeveldsPlugin.TYPE);
    return n;
  }
}
