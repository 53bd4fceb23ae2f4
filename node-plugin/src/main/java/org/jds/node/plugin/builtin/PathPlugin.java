package org.jds.node.plugin.builtin;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.jds.node.plugin.ConfigException;
import org.jds.node.plugin.DatastoreConfig;
import org.jds.node.plugin.DatastorePlugin;
import org.jds.node.plugin.SpecFields;
import org.jds.node.plugin.SpecParser;

/**
 * The preamble of a plugin whose store lives at the spec's required {@code path} (relative to the
 * repo): its type name, and the path read with Kubo's error text ("'path' field is missing or not
 * string") before the rest of the spec. Stateless, so thread-safe.
 */
abstract class PathPlugin implements DatastorePlugin {
  private final String type;

  PathPlugin(String type) {
    this.type = type;
  }

  @Override
  public final String typeName() {
    return type;
  }

  @Override
  public final DatastoreConfig parse(ObjectNode params, SpecParser children) throws ConfigException {
    return parse(SpecFields.string(params, "path", "not string"), params);
  }

  /** The rest of the spec, after its {@code path}. */
  abstract DatastoreConfig parse(String path, ObjectNode params) throws ConfigException;
}
