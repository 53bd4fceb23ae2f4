package org.jds.node.plugin.builtin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.ArrayList;
import java.util.List;
import org.jds.datastore.Bytewise;
import org.jds.datastore.Datastore;
import org.jds.datastore.DatastoreException;
import org.jds.datastore.Key;
import org.jds.datastore.wrap.Mount;
import org.jds.datastore.wrap.MountDatastore;
import org.jds.node.plugin.ConfigException;
import org.jds.node.plugin.DatastoreConfig;
import org.jds.node.plugin.DatastorePlugin;
import org.jds.node.plugin.DiskSpec;
import org.jds.node.plugin.OpenContext;
import org.jds.node.plugin.SpecParser;

/**
 * {@code "type": "mount"}: {@code mounts}, an array of child specs each with a {@code mountpoint};
 * sorted by mountpoint, descending, as Kubo does (so the disk spec lists {@code /blocks} before
 * {@code /}). Disk spec: type and each child's disk spec (or {@code {}}) plus its mountpoint.
 */
public final class MountPlugin implements DatastorePlugin {
  public static final String TYPE = "mount";

  @Override
  public String typeName() {
    return TYPE;
  }

  @Override
  public DatastoreConfig parse(ObjectNode params, SpecParser children) throws ConfigException {
    JsonNode mounts = params.get("mounts");
    if (mounts == null || !mounts.isArray()) {
      throw new ConfigException("'mounts' field is missing or not an array");
    }
    List<Child> out = new ArrayList<>();
    for (JsonNode m : mounts) {
      if (!m.isObject()) {
        throw new ConfigException("expected map for mountpoint");
      }
      DatastoreConfig child = children.parse(m);
      JsonNode mp = m.get("mountpoint");
      if (mp == null || !mp.isTextual()) {
        throw new ConfigException("no 'mountpoint' on mount");
      }
      out.add(new Child(Key.of(mp.textValue()), child));
    }
    out.sort((a, b) -> Bytewise.compare(b.prefix.toString(), a.prefix.toString()));
    return new Config(List.copyOf(out));
  }

  /** One mounted child. */
  public record Child(Key prefix, DatastoreConfig config) {}

  /** The parsed spec: children in Kubo's order. */
  public record Config(List<Child> mounts) implements DatastoreConfig {
    @Override
    public DiskSpec diskSpec() {
      ArrayNode list = JsonNodeFactory.instance.arrayNode();
      for (Child c : mounts) {
        DiskSpec d = c.config.diskSpec();
        list.add((d == null ? DiskSpec.empty() : d).with("mountpoint", c.prefix.toString()).toJson());
      }
      return DiskSpec.of(TYPE).with("mounts", list);
    }

    /** Opens every child; if one fails, those already open are closed. */
    @Override
    public Datastore create(OpenContext ctx) throws DatastoreException {
      List<Mount> opened = new ArrayList<>();
      try {
        for (Child c : mounts) {
          opened.add(new Mount(c.prefix, c.config.create(ctx)));
        }
      } catch (DatastoreException e) {
        for (Mount m : opened) {
          try {
            m.datastore().close();
          } catch (DatastoreException suppressed) {
            e.addSuppressed(suppressed);
          }
        }
        throw e;
      }
      return new MountDatastore(opened);
    }
  }
}
