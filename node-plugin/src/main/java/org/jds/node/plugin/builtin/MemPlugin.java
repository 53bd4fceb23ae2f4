package org.jds.node.plugin.builtin;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.jds.datastore.Datastore;
import org.jds.datastore.MapDatastore;
import org.jds.node.plugin.DatastoreConfig;
import org.jds.node.plugin.DatastorePlugin;
import org.jds.node.plugin.DiskSpec;
import org.jds.node.plugin.OpenContext;
import org.jds.node.plugin.SpecParser;

/** {@code "type": "mem"}: an in-memory store, gone at close; no disk spec (Kubo's nil). */
public final class MemPlugin implements DatastorePlugin {
  public static final String TYPE = "mem";

  @Override
  public String typeName() {
    return TYPE;
  }

  @Override
  public DatastoreConfig parse(ObjectNode params, SpecParser children) {
    return new DatastoreConfig() {
      @Override
      public DiskSpec diskSpec() {
        return null;
      }

      @Override
      public Datastore create(OpenContext ctx) {
        return new MapDatastore();
      }
    };
  }
}
