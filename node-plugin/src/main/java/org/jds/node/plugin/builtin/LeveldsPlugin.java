package org.jds.node.plugin.builtin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.iq80.leveldb.CompressionType;
import org.jds.datastore.Datastore;
import org.jds.datastore.DatastoreException;
import org.jds.node.leveldb.LevelDbDatastore;
import org.jds.node.plugin.ConfigException;
import org.jds.node.plugin.DatastoreConfig;
import org.jds.node.plugin.DiskSpec;
import org.jds.node.plugin.OpenContext;
import org.jds.node.plugin.SpecFields;

/**
 * {@code "type": "levelds"}: {@code path} (required), {@code compression} {@code "none"},
 * {@code "snappy"}, or absent/empty for LevelDB's default (Snappy), as Kubo's ds-level plugin.
 * Disk spec: type, path.
 */
public final class LeveldsPlugin extends PathPlugin {
  public static final String TYPE = "levelds";

  public LeveldsPlugin() {
    super(TYPE);
  }

  @Override
  DatastoreConfig parse(String path, ObjectNode params) throws ConfigException {
    JsonNode c = SpecFields.optional(params, "compression");
    CompressionType ct;
    if (c == null || (c.isTextual() && c.textValue().isEmpty())) {
      ct = CompressionType.SNAPPY; // goleveldb's default
    } else if (c.isTextual() && c.textValue().equals("none")) {
      ct = CompressionType.NONE;
    } else if (c.isTextual() && c.textValue().equals("snappy")) {
      ct = CompressionType.SNAPPY;
    } else {
      throw new ConfigException("unrecognized value for compression: " + (c.isTextual() ? c.textValue() : c.toString()));
    }
    return new Config(path, ct);
  }

  /** The parsed spec. */
  public record Config(String path, CompressionType compression) implements DatastoreConfig {
    @Override
    public DiskSpec diskSpec() {
      return DiskSpec.of(TYPE, "path", path);
    }

    @Override
    public Datastore create(OpenContext ctx) throws DatastoreException {
      return LevelDbDatastore.open(ctx.resolve(path), compression);
    }
  }
}
