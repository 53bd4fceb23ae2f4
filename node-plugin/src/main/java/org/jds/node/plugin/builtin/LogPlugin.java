package org.jds.node.plugin.builtin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.jds.datastore.Datastore;
import org.jds.datastore.DatastoreException;
import org.jds.datastore.wrap.LogDatastore;
import org.jds.node.plugin.ConfigException;
import org.jds.node.plugin.DatastoreConfig;
import org.jds.node.plugin.DatastorePlugin;
import org.jds.node.plugin.DiskSpec;
import org.jds.node.plugin.OpenContext;
import org.jds.node.plugin.SpecFields;
import org.jds.node.plugin.SpecParser;

/**
 * {@code "type": "log"}: Kubo's logging wrapper ({@code ds.NewLogDatastore(child, name)}), with
 * {@code child} (a spec) and {@code name} (the prefix of each logged line), both required, and Kubo's
 * error texts. Disk spec: the child's (logging changes nothing on disk).
 */
public final class LogPlugin implements DatastorePlugin {
  public static final String TYPE = "log";

  @Override
  public String typeName() {
    return TYPE;
  }

  @Override
  public DatastoreConfig parse(ObjectNode params, SpecParser children) throws ConfigException {
    DatastoreConfig child = children.parse(SpecFields.object(params, "child"));
    JsonNode name = params.get("name");
    if (name == null || !name.isTextual()) {
      throw new ConfigException("'name' field was missing or not a string"); // Kubo's wording
    }
    return new Config(name.textValue(), child);
  }

  /** The parsed spec. */
  public record Config(String name, DatastoreConfig child) implements DatastoreConfig {
    @Override
    public DiskSpec diskSpec() {
      return child.diskSpec();
    }

    @Override
    public Datastore create(OpenContext ctx) throws DatastoreException {
      return new LogDatastore(child.create(ctx), name);
    }
  }
}
