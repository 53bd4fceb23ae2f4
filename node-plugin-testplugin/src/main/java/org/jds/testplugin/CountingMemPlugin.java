package org.jds.testplugin;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.concurrent.atomic.AtomicInteger;
import org.jds.datastore.Datastore;
import org.jds.datastore.MapDatastore;
import org.jds.node.plugin.DatastoreConfig;
import org.jds.node.plugin.DatastorePlugin;
import org.jds.node.plugin.DiskSpec;
import org.jds.node.plugin.OpenContext;
import org.jds.node.plugin.SpecFields;
import org.jds.node.plugin.SpecParser;
import org.jds.node.plugin.ConfigException;

/**
 * A third-party datastore type, {@code "counting-mem"}: an in-memory store that counts how often it
 * was opened. Its only field, {@code label} (required), is its disk spec. Registered only through
 * this jar's {@code META-INF/services}; node-plugin does not know it.
 */
public final class CountingMemPlugin implements DatastorePlugin {
  public static final String TYPE = "counting-mem";
  /** Opens since class load, for tests. */
  public static final AtomicInteger OPENS = new AtomicInteger();

  @Override
  public String typeName() {
    return TYPE;
  }

  @Override
  public DatastoreConfig parse(ObjectNode params, SpecParser children) throws ConfigException {
    String label = SpecFields.string(params, "label", "not string");
    return new DatastoreConfig() {
      @Override
      public DiskSpec diskSpec() {
        return DiskSpec.of(TYPE, "label", label);
      }

      @Override
      public Datastore create(OpenContext ctx) {
        OPENS.incrementAndGet();
        return new MapDatastore();
      }
    };
  }
}
