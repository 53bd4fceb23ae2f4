package org.jds.node.plugin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collections;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.TreeMap;

/**
 * The loaded datastore plugins by type name, and the spec parser over them (Kubo's
 * {@code datastores} table and {@code AnyDatastoreConfig}). Built-in and third-party plugins alike
 * come from {@link ServiceLoader}. Immutable after construction; thread-safe.
 */
public final class DatastorePlugins implements SpecParser {
  private final Map<String, DatastorePlugin> byType;

  private DatastorePlugins(Map<String, DatastorePlugin> byType) {
    this.byType = Collections.unmodifiableMap(byType);
  }

  /**
   * Every plugin visible to {@code loader}.
   *
   * @throws ConfigException if two plugins claim one type name (Kubo: "already have a datastore
   *     named ...") or a plugin cannot be instantiated
   */
  public static DatastorePlugins load(ClassLoader loader) throws ConfigException {
    Map<String, DatastorePlugin> m = new TreeMap<>();
    try {
      for (DatastorePlugin p : ServiceLoader.load(DatastorePlugin.class, loader)) {
        DatastorePlugin prev = m.putIfAbsent(p.typeName(), p);
        if (prev != null) {
          throw new ConfigException("already have a datastore named " + p.typeName() + " ("
              + prev.getClass().getName() + " and " + p.getClass().getName() + ")");
        }
      }
    } catch (ServiceConfigurationError e) {
      throw new ConfigException("cannot load a datastore plugin: " + e.getMessage(), e);
    }
    return new DatastorePlugins(m);
  }

  /** The plugins visible to this class's loader (the application class path). */
  public static DatastorePlugins load() throws ConfigException {
    return load(DatastorePlugins.class.getClassLoader());
  }

  /** The known type names, sorted. */
  public java.util.Set<String> types() {
    return byType.keySet();
  }

  @Override
  public DatastoreConfig parse(JsonNode node) throws ConfigException {
    if (node == null || !node.isObject()) {
      throw new ConfigException("datastore spec is missing or not a map");
    }
    JsonNode type = node.get("type");
    if (type == null || !type.isTextual()) {
      throw new ConfigException("'type' field missing or not a string");
    }
    DatastorePlugin p = byType.get(type.textValue());
    if (p == null) {
      throw new ConfigException("unknown datastore type: " + type.textValue()
          + " (known: " + String.join(", ", byType.keySet()) + ")");
    }
    return p.parse((ObjectNode) node, this);
  }
}
