package org.jds.node.plugin.builtin;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.jds.datastore.Datastore;
import org.jds.datastore.DatastoreException;
import org.jds.datastore.wrap.MeasureDatastore;
import org.jds.node.plugin.ConfigException;
import org.jds.node.plugin.DatastoreConfig;
import org.jds.node.plugin.DatastorePlugin;
import org.jds.node.plugin.DiskSpec;
import org.jds.node.plugin.OpenContext;
import org.jds.node.plugin.SpecFields;
import org.jds.node.plugin.SpecParser;

/**
 * {@code "type": "measure"}: Kubo's built-in metrics wrapper, {@code child} (a spec) and {@code
 * prefix} (the metric name prefix), both required. Disk spec: the child's (metrics change nothing on
 * disk).
 */
public final class MeasurePlugin implements DatastorePlugin {
  public static final String TYPE = "measure";

  @Override
  public String typeName() {
    return TYPE;
  }

  @Override
  public DatastoreConfig parse(ObjectNode params, SpecParser children) throws ConfigException {
    String prefix = SpecFields.string(params, "prefix", "not a string");
    return new Config(prefix, children.parse(SpecFields.object(params, "child")));
  }

  /** The parsed spec. */
  public record Config(String prefix, DatastoreConfig child) implements DatastoreConfig {
    @Override
    public DiskSpec diskSpec() {
      return child.diskSpec();
    }

    @Override
    public Datastore create(OpenContext ctx) throws DatastoreException {
      return new MeasureDatastore(prefix, child.create(ctx));
    }
  }
}
