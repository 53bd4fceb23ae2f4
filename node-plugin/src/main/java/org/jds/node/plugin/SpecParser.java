package org.jds.node.plugin;

import com.fasterxml.jackson.databind.JsonNode;

/** Parses any spec node by its {@code "type"}; wrapper plugins use it for their children. */
@FunctionalInterface
public interface SpecParser {
  /**
   * Kubo's {@code AnyDatastoreConfig}.
   *
   * @throws ConfigException if the node is not an object, has no string {@code type}, names an
   *     unknown type, or its plugin rejects it
   */
  DatastoreConfig parse(JsonNode node) throws ConfigException;
}
