package org.jds.node.plugin.builtin;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import org.jds.datastore.Datastore;
import org.jds.datastore.DatastoreException;
import org.jds.flatfs.FlatfsDatastore;
import org.jds.flatfs.FlatfsException;
import org.jds.flatfs.ShardId;
import org.jds.flatfs.storage.LocalStorage;
import org.jds.node.plugin.ConfigException;
import org.jds.node.plugin.DatastoreConfig;
import org.jds.node.plugin.DatastorePlugin;
import org.jds.node.plugin.DiskSpec;
import org.jds.node.plugin.OpenContext;
import org.jds.node.plugin.SpecFields;
import org.jds.node.plugin.SpecParser;

/**
 * {@code "type": "flatfs"}: {@code path}, {@code shardFunc}, {@code sync} (all required, as in Kubo's
 * ds-flatfs plugin, whose "not boolean" message for {@code path} is kept). Disk spec: type, path,
 * shardFunc.
 */
public final class FlatfsPlugin implements DatastorePlugin {
  public static final String TYPE = "flatfs";

  @Override
  public String typeName() {
    return TYPE;
  }

  @Override
  public DatastoreConfig parse(ObjectNode params, SpecParser children) throws ConfigException {
    String path = SpecFields.string(params, "path", "not boolean"); // sic: Kubo's text
    ShardId shard = shardFunc(SpecFields.string(params, "shardFunc", "not a string"));
    boolean sync = SpecFields.bool(params, "sync");
    return new Config(path, shard, sync);
  }

  /** Go's {@code ParseShardFunc} as a config error. */
  public static ShardId shardFunc(String s) throws ConfigException {
    try {
      return ShardId.parse(s);
    } catch (FlatfsException e) {
      throw new ConfigException(e.getMessage(), e);
    }
  }

  /** The parsed spec. */
  public record Config(String path, ShardId shard, boolean sync) implements DatastoreConfig {
    @Override
    public DiskSpec diskSpec() {
      return DiskSpec.of(TYPE, "path", path, "shardFunc", shard.toString());
    }

    @Override
    public Datastore create(OpenContext ctx) throws DatastoreException {
      Path dir = ctx.resolve(path).toAbsolutePath().normalize();
      if (dir.getParent() == null) {
        throw new ConfigException("flatfs path cannot be the file-system root: " + dir);
      }
      return FlatfsDatastore.createOrOpen(new LocalStorage(dir.getParent()), dir.getFileName().toString(), shard, sync);
    }
  }
}
