package org.jds.node.repo;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.jds.flatfs.ShardId;
import org.jds.node.plugin.ConfigException;
import org.jds.node.plugin.builtin.BlobfsPlugin;
import org.jds.node.plugin.builtin.FlatfsPlugin;
import org.jds.node.plugin.builtin.LeveldsPlugin;
import org.jds.node.plugin.builtin.MountPlugin;

/**
 * The {@code Datastore.Spec}s {@code jds init --profile} writes. {@code flatfs} is Kubo's default
 * spec byte for byte; {@code blobfs} (the default) is the same with a blobfs image at
 * {@code /blocks}, sized from StorageMax; {@code levelds} keeps everything in LevelDB.
 */
public final class Profiles {
  public static final String BLOBFS = "blobfs";
  public static final String FLATFS = "flatfs";
  public static final String LEVELDS = "levelds";
  public static final List<String> NAMES = List.of(BLOBFS, FLATFS, LEVELDS);
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
      default -> throw new ConfigException("unknown profile: " + name + " (known: " + String.join(", ", NAMES) + ")");
    };
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
