package org.jds.node.plugin;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A datastore type that a {@code Datastore.Spec} node names in its {@code "type"} field: Kubo's
 * {@code PluginDatastore}. Implementations are found with {@link java.util.ServiceLoader} (a jar
 * that lists its class in {@code META-INF/services/org.jds.node.plugin.DatastorePlugin} is picked up
 * with no code change) and must have a public no-argument constructor.
 *
 * <p>Thread-safety: implementations are stateless and safe for concurrent use.
 */
public interface DatastorePlugin {
  /** The {@code "type"} this plugin handles, unique among the loaded plugins (e.g. {@code "flatfs"}). */
  String typeName();

  /**
   * Parses this type's spec node (Kubo's {@code ConfigFromMap}). Nothing is opened or created.
   *
   * @param params the spec node, including its {@code "type"} field
   * @param children parses child nodes, for wrapper types ({@code mount}, {@code measure}, ...)
   * @throws ConfigException if a field is missing, of the wrong JSON type or has a bad value
   */
  DatastoreConfig parse(ObjectNode params, SpecParser children) throws ConfigException;
}
